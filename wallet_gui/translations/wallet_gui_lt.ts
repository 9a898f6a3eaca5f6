<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lt_LT" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>{0} (nothing stored there yet)</source>
        <translation>{0} (kol kas ten nieko neišsaugota)</translation>
    </message>
    <message>
        <source>not installed with this copy: see README.md in the project&apos;s source</source>
        <translation>neįdiegta su šia kopija: žr. README.md projekto šaltinio kode</translation>
    </message>
    <message>
        <source>About {0}</source>
        <translation>Apie {0}</translation>
    </message>
    <message>
        <source>A desktop monitor for the Paysera Wallet REST API: balances, the server&apos;s configuration and this computer&apos;s clock offset.</source>
        <translation>Paysera Wallet REST API stebėjimo programa kompiuteriui: likučiai, serverio konfigūracija ir šio kompiuterio laikrodžio poslinkis.</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versija:</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <source>PySide:</source>
        <translation>PySide:</translation>
    </message>
    <message>
        <source>Python:</source>
        <translation>Python:</translation>
    </message>
    <message>
        <source>Settings file:</source>
        <translation>Nustatymų failas:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Duomenų aplankas:</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>Licencija:</translation>
    </message>
    <message>
        <source>Documentation:</source>
        <translation>Dokumentacija:</translation>
    </message>
    <message>
        <source>Open &amp;README</source>
        <translation>Atverti &amp;README</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopijuoti</translation>
    </message>
    <message>
        <source>Copy these details, for a bug report</source>
        <translation>Kopijuoti šiuos duomenis klaidos pranešimui</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>1 minute</source>
        <extracomment>At most one notification per rule in this many seconds (the issue&apos;s ten minutes). How many statement ids per wallet are remembered to tell new ones from seen ones.</extracomment>
        <translation>1 min.</translation>
    </message>
    <message>
        <source>{0} minutes</source>
        <translation>{0} min.</translation>
    </message>
    <message>
        <source>Alert rule removed: {0}</source>
        <translation>Įspėjimo taisyklė pašalinta: {0}</translation>
    </message>
    <message>
        <source>The rule was changed in the profile.</source>
        <translation>Taisyklė pakeista profilyje.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {0} s behind the server&apos;s (limit {1} s); signed requests may be refused.</source>
        <translation>Šio kompiuterio laikrodis atsilieka nuo serverio {0} s (riba {1} s); pasirašytos užklausos gali būti atmestos.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {0} s ahead of the server&apos;s (limit {1} s); signed requests may be refused.</source>
        <translation>Šio kompiuterio laikrodis lenkia serverio laikrodį {0} s (riba {1} s); pasirašytos užklausos gali būti atmestos.</translation>
    </message>
    <message>
        <source>Clock offset too large</source>
        <translation>Per didelis laikrodžio poslinkis</translation>
    </message>
    <message>
        <source>Clock offset back within limit</source>
        <translation>Laikrodžio poslinkis vėl neviršija ribos</translation>
    </message>
    <message>
        <source>The clock offset is {0} s, within the limit of {1} s.</source>
        <translation>Laikrodžio poslinkis yra {0} s, neviršija {1} s ribos.</translation>
    </message>
    <message>
        <source> from {0}</source>
        <translation> iš {0}</translation>
    </message>
    <message>
        <source>Incoming payment: {0}</source>
        <translation>Gautas mokėjimas: {0}</translation>
    </message>
    <message>
        <source>Wallet {0} received {1}</source>
        <translation>Piniginė {0} gavo {1}</translation>
    </message>
    <message>
        <source>Low balance: wallet {0} {1}</source>
        <translation>Mažas likutis: piniginė {0} {1}</translation>
    </message>
    <message>
        <source>{0} {1} at disposal in wallet {2}, below {3} {1}.</source>
        <translation>Piniginėje {2} disponuojama {0} {1} – mažiau nei {3} {1}.</translation>
    </message>
    <message>
        <source>Balance back up: wallet {0} {1}</source>
        <translation>Likutis vėl pakankamas: piniginė {0} {1}</translation>
    </message>
    <message>
        <source>{0} {1} at disposal in wallet {2}, no longer below {3} {1}.</source>
        <translation>Piniginėje {2} disponuojama {0} {1} – nebe mažiau nei {3} {1}.</translation>
    </message>
    <message>
        <source>Wallet API reachable again</source>
        <translation>Wallet API vėl pasiekiama</translation>
    </message>
    <message>
        <source>The Wallet API answers again after {0}.</source>
        <translation>Wallet API vėl atsako po {0}.</translation>
    </message>
    <message>
        <source>Wallet API failing</source>
        <translation>Wallet API neveikia</translation>
    </message>
    <message>
        <source>Every request to the Wallet API has failed for {0}.</source>
        <translation>Visos užklausos į Wallet API nepavyksta jau {0}.</translation>
    </message>
</context>
<context>
    <name>AlertsGroup</name>
    <message>
        <source>Alerts</source>
        <translation>Įspėjimai</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Each new incoming transaction</source>
        <translation>Kiekviena nauja gaunama operacija</translation>
    </message>
    <message>
        <source>e.g. 14471 EUR 100.00; 14472 USD 5</source>
        <translation>pvz., 14471 EUR 100.00; 14472 USD 5</translation>
    </message>
    <message>
        <source>Clock offset above:</source>
        <translation>Laikrodžio poslinkis didesnis nei:</translation>
    </message>
    <message>
        <source>API failing for:</source>
        <translation>API neveikia ilgiau nei:</translation>
    </message>
    <message>
        <source>Low balances:</source>
        <translation>Maži likučiai:</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>demo (local emulator)</source>
        <extracomment>How often the demo server&apos;s data changes a little, so highlighting can be seen. The saved profile being monitored (``None``: none, or the demo). ``run()`` sets this while ``app.exec()`` runs: ``quit()`` then ends the loop.</extracomment>
        <translation>demonstracija (vietinis emuliatorius)</translation>
    </message>
</context>
<context>
    <name>AuthenticationGroup</name>
    <message>
        <source>Authentication</source>
        <translation>Tapatybės nustatymas</translation>
    </message>
    <message>
        <source>MAC (client id and key)</source>
        <translation>MAC (kliento ID ir raktas)</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Kliento sertifikatas</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Būdas:</translation>
    </message>
    <message>
        <source>stored in the system keyring — leave empty to keep</source>
        <translation>saugoma sistemos raktinėje — palikite tuščią, kad nepasikeistų</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Rodyti</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>Kliento ID:</translation>
    </message>
    <message>
        <source>MAC key:</source>
        <translation>MAC raktas:</translation>
    </message>
    <message>
        <source>PEM file with the client certificate</source>
        <translation>PEM failas su kliento sertifikatu</translation>
    </message>
    <message>
        <source>optional when the certificate file has it</source>
        <translation>neprivaloma, jei jis yra sertifikato faile</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>neprivaloma</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM failai (*.pem *.crt *.key);;Visi failai (*)</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Sertifikatas:</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Privatusis raktas:</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privatusis raktas</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>Rakto slaptafrazė:</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Slėpti</translation>
    </message>
</context>
<context>
    <name>BalancesPanel</name>
    <message>
        <source>Wallet</source>
        <extracomment>How long a changed amount stays tinted, in milliseconds. Extra width per column beyond its widest cell, so that columns do not run together.</extracomment>
        <translation>Piniginė</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Valiuta</translation>
    </message>
    <message>
        <source>At disposal</source>
        <translation>Disponuojama</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Rezervuota</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Iš viso</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Atnaujinta</translation>
    </message>
    <message>
        <source>Open Profiles…</source>
        <translation>Atverti profilius…</translation>
    </message>
    <message>
        <source>No wallets to watch.
Add wallet ids to this profile in Profiles…</source>
        <translation>Nėra stebimų piniginių.
Pridėkite piniginių ID prie šio profilio lange „Profiliai…“</translation>
    </message>
    <message>
        <source>Waiting for the first balances…</source>
        <translation>Laukiama pirmųjų likučių…</translation>
    </message>
    <message>
        <source>Changed; was {0}</source>
        <translation>Pasikeitė; buvo {0}</translation>
    </message>
    <message>
        <source>Wallet {0}</source>
        <translation>Piniginė {0}</translation>
    </message>
    <message>
        <source>Balance unavailable: {0}</source>
        <translation>Likutis nepasiekiamas: {0}</translation>
    </message>
    <message>
        <source>Waiting for the first answer…</source>
        <translation>Laukiama pirmojo atsakymo…</translation>
    </message>
    <message>
        <source>No balances in this wallet</source>
        <translation>Šioje piniginėje likučių nėra</translation>
    </message>
    <message>
        <source>Time of the last successful update</source>
        <translation>Paskutinio sėkmingo atnaujinimo laikas</translation>
    </message>
</context>
<context>
    <name>ClockChart</name>
    <message>
        <source>Last 5 minutes</source>
        <extracomment>Up to this many history points, each is drawn as a dot as well as joined by the line. The narrowest time axis, in seconds: a burst of probes a second apart stays readable. The shortest offset axis, in seconds (±10 ms): finer is noise, not information.</extracomment>
        <translation>Paskutinės 5 minutės</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Paskutinė valanda</translation>
    </message>
    <message>
        <source>All measurements</source>
        <translation>Visi matavimai</translation>
    </message>
    <message>
        <source>How much of the offset history the chart shows</source>
        <translation>Kokią poslinkio istorijos dalį rodo grafikas</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Rodyti:</translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation>Neapibrėžtis</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Poslinkis</translation>
    </message>
    <message>
        <source>server − local (s)</source>
        <translation>serverio − vietinis (s)</translation>
    </message>
    <message>
        <source>Offset history (line) with its guaranteed uncertainty band (shaded).</source>
        <translation>Poslinkio istorija (linija) su garantuota neapibrėžties juosta (užtamsinta).</translation>
    </message>
</context>
<context>
    <name>ClockPanel</name>
    <message>
        <source>Server time minus this computer&apos;s time. The ± is a guaranteed bound: the true offset lies within it.</source>
        <translation>Serverio laikas atėmus šio kompiuterio laiką. ± yra garantuota riba: tikrasis poslinkis neišeina už jos.</translation>
    </message>
    <message>
        <source>&amp;Copy offset</source>
        <translation>&amp;Kopijuoti poslinkį</translation>
    </message>
    <message>
        <source>Copy clock &amp;details</source>
        <translation>Kopijuoti laikrodžio &amp;duomenis</translation>
    </message>
    <message>
        <source>Typical error:</source>
        <translation>Tipinė paklaida:</translation>
    </message>
    <message>
        <source>Round trip:</source>
        <translation>Apsisukimo trukmė:</translation>
    </message>
    <message>
        <source>Drift:</source>
        <translation>Dreifas:</translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation>Matavimų:</translation>
    </message>
    <message>
        <source>Falsetickers:</source>
        <translation>Atmesta:</translation>
    </message>
    <message>
        <source>Last measured:</source>
        <translation>Paskutinis matavimas:</translation>
    </message>
    <message>
        <source>How fast this computer&apos;s clock runs off the server&apos;s, in parts per million.</source>
        <translation>Kaip greitai šio kompiuterio laikrodis nutolsta nuo serverio laikrodžio, milijoninėmis dalimis (ppm).</translation>
    </message>
    <message>
        <source>Samples left out because they disagreed with all the others.</source>
        <translation>Matavimai, atmesti, nes nesutapo su visais kitais.</translation>
    </message>
    <message>
        <source>Clock fine: the offset plus its uncertainty is at most {fine:g} s.
Clock skew risky: up to {risky:g} s; servers that check timestamps may start refusing requests signed with this computer&apos;s clock.
Computer clock far off: more than {risky:g} s; other software signing with this computer&apos;s clock would be refused.
Signatures failing: the server has refused this app&apos;s timestamp.
Clock unknown: the server could not be reached, or nothing was measured for {stale:g} minutes.

This app signs its requests with the corrected clock, so it keeps working; other programs on this computer use the uncorrected clock.</source>
        <translation>Laikrodis tvarkingas: poslinkis kartu su neapibrėžtimi ne didesnis kaip {fine:g} s.
Laikrodžio nuokrypis rizikingas: iki {risky:g} s; serveriai, tikrinantys laiko žymas, gali pradėti atmesti šio kompiuterio laikrodžiu pasirašytas užklausas.
Kompiuterio laikrodis labai netikslus: daugiau nei {risky:g} s; kitų programų šio kompiuterio laikrodžiu pasirašytos užklausos būtų atmestos.
Parašai atmetami: serveris atmetė šios programos laiko žymą.
Laikrodis nežinomas: serveris nepasiekiamas arba {stale:g} min. nieko nebuvo išmatuota.

Ši programa pasirašo užklausas pataisytu laikrodžiu, todėl veikia toliau; kitos šio kompiuterio programos naudoja nepataisytą laikrodį.</translation>
    </message>
    <message>
        <source>Measuring clock offset…</source>
        <translation>Matuojamas laikrodžio poslinkis…</translation>
    </message>
    <message>
        <source>measuring… (so far {0} to {1} ppm)</source>
        <translation>matuojama… (kol kas nuo {0} iki {1} ppm)</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>matuojama…</translation>
    </message>
    <message>
        <source>This computer is within ±{0} s of the server.</source>
        <translation>Šio kompiuterio laikas nuo serverio skiriasi ne daugiau kaip ±{0} s.</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>This computer agrees with the server.</source>
        <translation>Šio kompiuterio laikas sutampa su serverio.</translation>
    </message>
    <message>
        <source>This computer is {0} behind the server.</source>
        <translation>Šis kompiuteris atsilieka nuo serverio {0}.</translation>
    </message>
    <message>
        <source>This computer is {0} ahead of the server.</source>
        <translation>Šis kompiuteris lenkia serverį {0}.</translation>
    </message>
    <message>
        <source>Clock unknown</source>
        <translation>Laikrodis nežinomas</translation>
    </message>
    <message>
        <source>Server unreachable since {0}; the numbers are from {1}.</source>
        <translation>Serveris nepasiekiamas nuo {0}; rodomi {1} duomenys.</translation>
    </message>
    <message>
        <source>Not measured since {1}; the numbers are from then.</source>
        <translation>Nematuota nuo {1}; rodomi to meto duomenys.</translation>
    </message>
    <message>
        <source>Clock fine</source>
        <translation>Laikrodis tvarkingas</translation>
    </message>
    <message>
        <source>Clock skew risky</source>
        <translation>Laikrodžio nuokrypis rizikingas</translation>
    </message>
    <message>
        <source>This app corrects for it. Other software signing with this computer&apos;s clock may be refused.</source>
        <translation>Ši programa jį pataiso. Kitų programų šio kompiuterio laikrodžiu pasirašytos užklausos gali būti atmestos.</translation>
    </message>
    <message>
        <source>Signatures failing</source>
        <translation>Parašai atmetami</translation>
    </message>
    <message>
        <source>The server refused this app&apos;s timestamp; measuring again.</source>
        <translation>Serveris atmetė šios programos laiko žymą; matuojama iš naujo.</translation>
    </message>
    <message>
        <source>Computer clock far off</source>
        <translation>Kompiuterio laikrodis labai netikslus</translation>
    </message>
    <message>
        <source>This app corrects for it. Other software signing with this computer&apos;s clock would be refused.</source>
        <translation>Ši programa jį pataiso. Kitų programų šio kompiuterio laikrodžiu pasirašytos užklausos būtų atmestos.</translation>
    </message>
</context>
<context>
    <name>ClockText</name>
    <message>
        <source>{0} s</source>
        <extracomment>Half of the API&apos;s one-second resolution: the least uncertainty of one answer.</extracomment>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>{0} min {1} s</source>
        <translation>{0} min {1} s</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} val. {1} min</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} val.</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 diena</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} d.</translation>
    </message>
    <message>
        <source>in step with this computer ({0})</source>
        <translation>sutampa su šio kompiuterio laikrodžiu ({0})</translation>
    </message>
    <message>
        <source>{0} ahead of this computer ({1})</source>
        <translation>lenkia šį kompiuterį {0} ({1})</translation>
    </message>
    <message>
        <source>{0} behind this computer ({1})</source>
        <translation>atsilieka nuo šio kompiuterio {0} ({1})</translation>
    </message>
    <message>
        <source>server clock at {0} (UNIX time), {1}</source>
        <translation>serverio laikrodis: {0} (UNIX laikas), {1}</translation>
    </message>
    <message>
        <source>server clock {0}, {1}</source>
        <translation>serverio laikrodis {0}, {1}</translation>
    </message>
    <message>
        <source>client</source>
        <extracomment>A connection test that takes longer than this has failed anyway. How long ``stop`` waits for cancelled tests&apos; threads: they end as their sockets close.</extracomment>
        <translation>klientas</translation>
    </message>
    <message>
        <source>signed in as {0}; {1}</source>
        <translation>prisijungta kaip {0}; {1}</translation>
    </message>
</context>
<context>
    <name>ConfigurationPanel</name>
    <message>
        <source>Minimum password length</source>
        <translation>Mažiausias slaptažodžio ilgis</translation>
    </message>
    <message>
        <source>Urgent bank transfer: beneficiary account pattern</source>
        <translation>Skubus banko pavedimas: gavėjo sąskaitos šablonas</translation>
    </message>
    <message>
        <source>Setting</source>
        <extracomment>Extra width of the Setting column beyond its longest label. The Setting column grows to fit its labels up to this many average characters; a longer key (the server may send any) is elided, whole in its tooltip and on Copy.</extracomment>
        <translation>Nustatymas</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Reikšmė</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopijuoti</translation>
    </message>
</context>
<context>
    <name>ConnectionHistory</name>
    <message>
        <source>Requests succeed again</source>
        <extracomment>How often &quot;the API has been failing for N minutes&quot; is looked at while nothing arrives. How often the long-baseline drift is read again from the history. How far back the clock chart reaches into earlier sessions.</extracomment>
        <translation>Užklausos vėl sėkmingos</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>Enter a profile name.</source>
        <extracomment>What the project and location id fields accept: a positive integer, no leading zeros. The characters the wallet ids field accepts while typing: digits and separators.</extracomment>
        <translation>Įveskite profilio pavadinimą.</translation>
    </message>
    <message>
        <source>The profile name cannot contain / or \.</source>
        <translation>Profilio pavadinime negali būti / ar \.</translation>
    </message>
    <message>
        <source>Another profile already has this name.</source>
        <translation>Toks pavadinimas jau suteiktas kitam profiliui.</translation>
    </message>
    <message>
        <source>Plain http:// to another computer: requests and answers cross the network unencrypted. Use https:// unless you know why not.</source>
        <translation>Nešifruotas http:// ryšys su kitu kompiuteriu: užklausos ir atsakymai tinklu keliauja nešifruoti. Naudokite https://, nebent žinote, kodėl ne.</translation>
    </message>
    <message>
        <source>The API address must start with https:// (or http://) and a host.</source>
        <translation>API adresas turi prasidėti https:// (arba http://) ir serverio vardu.</translation>
    </message>
    <message>
        <source>Enter the client id.</source>
        <translation>Įveskite kliento ID.</translation>
    </message>
    <message>
        <source>Enter the MAC key.</source>
        <translation>Įveskite MAC raktą.</translation>
    </message>
    <message>
        <source>Choose the client certificate file.</source>
        <translation>Pasirinkite kliento sertifikato failą.</translation>
    </message>
    <message>
        <source>The certificate file does not exist.</source>
        <translation>Sertifikato failo nėra.</translation>
    </message>
    <message>
        <source>The private key file does not exist.</source>
        <translation>Privačiojo rakto failo nėra.</translation>
    </message>
    <message>
        <source>Project id and location id must be positive whole numbers.</source>
        <translation>Projekto ID ir vietos ID turi būti teigiami sveikieji skaičiai.</translation>
    </message>
    <message>
        <source>The CA bundle file does not exist.</source>
        <translation>CA rinkinio failo nėra.</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Ištrinti profilį</translation>
    </message>
    <message>
        <source>Delete the profile “{name}”?</source>
        <translation>Ištrinti profilį „{name}“?</translation>
    </message>
    <message>
        <source>Its settings and the secret stored in the system keyring will be removed.</source>
        <translation>Bus pašalinti jo nustatymai ir sistemos raktinėje saugoma paslaptis.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ištrinti</translation>
    </message>
    <message>
        <source>Edit connection</source>
        <translation>Redaguoti ryšį</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Naujas ryšys</translation>
    </message>
    <message>
        <source>e.g. main account</source>
        <translation>pvz., pagrindinė sąskaita</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Profilio pavadinimas:</translation>
    </message>
    <message>
        <source>API address:</source>
        <translation>API adresas:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tikrinti ryšį</translation>
    </message>
    <message>
        <source>Delete profile…</source>
        <translation>Ištrinti profilį…</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Tikrinama…</translation>
    </message>
    <message>
        <source>✔ Connected</source>
        <translation>✔ Prisijungta</translation>
    </message>
    <message>
        <source>✘ Failed</source>
        <translation>✘ Nepavyko</translation>
    </message>
</context>
<context>
    <name>ErrorDetails</name>
    <message>
        <source>Error code:</source>
        <translation>Klaidos kodas:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Aprašymas:</translation>
    </message>
    <message>
        <source>HTTP status:</source>
        <translation>HTTP būsena:</translation>
    </message>
    <message>
        <source>Retry after:</source>
        <translation>Kartoti po:</translation>
    </message>
    <message>
        <source>Correlation id:</source>
        <translation>Koreliacijos ID:</translation>
    </message>
    <message>
        <source>More information:</source>
        <translation>Daugiau informacijos:</translation>
    </message>
    <message>
        <source>Long text is shortened here; “Copy details” copies it in full (up to {size} KiB per field).</source>
        <translation>Ilgas tekstas čia sutrumpintas; „Kopijuoti informaciją“ nukopijuoja jį visą (iki {size} KiB kiekvienam laukui).</translation>
    </message>
    <message>
        <source>While: {context}</source>
        <translation>Vykdant: {context}</translation>
    </message>
    <message>
        <source>{seconds:g} s</source>
        <translation>{seconds:g} s</translation>
    </message>
    <message numerus="yes">
        <source>Happened %n times since {0}</source>
        <translation>
            <numerusform>Įvyko %n kartą nuo {0}</numerusform>
            <numerusform>Įvyko %n kartus nuo {0}</numerusform>
            <numerusform>Įvyko %n kartų nuo {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolved at {time}.</source>
        <translation>Išspręsta {time}.</translation>
    </message>
    <message>
        <source>The app retries this by itself.</source>
        <translation>Programa tai kartoja pati.</translation>
    </message>
    <message>
        <source>Failing now: {0}</source>
        <translation>Šiuo metu nepavyksta: {0}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Copy details</source>
        <translation>Kopijuoti informaciją</translation>
    </message>
    <message>
        <source>Open problems: {open} · resolved: {resolved}</source>
        <translation>Atvirų problemų: {open} · išspręstų: {resolved}</translation>
    </message>
    <message>
        <source>Problems ({count} open)</source>
        <translation>Problemos (atvirų: {count})</translation>
    </message>
    <message>
        <source>Problems (all resolved)</source>
        <translation>Problemos (visos išspręstos)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Nukopijuota</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>The Wallet API reported an error</source>
        <translation>Wallet API pranešė apie klaidą</translation>
    </message>
    <message>
        <source>The Wallet API could not be reached</source>
        <translation>Nepavyko pasiekti Wallet API</translation>
    </message>
    <message>
        <source>The Wallet API sent an unexpected answer</source>
        <translation>Wallet API atsiuntė netikėtą atsakymą</translation>
    </message>
    <message>
        <source>Credentials problem</source>
        <translation>Prisijungimo duomenų problema</translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation>Netikėta problema</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <source>Time</source>
        <extracomment>Severities, most severe first; the list&apos;s colours and icons follow them.</extracomment>
        <translation>Laikas</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Svarba</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Pranešimas</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Įvykiai</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritinis</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Įspėjimas</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Gerai</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to</source>
        <extracomment>The kinds the export knows, in the order of the kind box. ``choose_file(parent, suggested_path) -&gt; chosen path`` (&quot;&quot; when cancelled).</extracomment>
        <translation>Eksportuoti į</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV failai (*.csv);;Visi failai (*)</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Eksportuoti istoriją</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Likučiai</translation>
    </message>
    <message>
        <source>Clock offsets</source>
        <translation>Laikrodžio poslinkiai</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Operacijos</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Įvykiai</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Nuo:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Iki:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Failas</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Nar&amp;šyti…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Eksportuoti</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stabdyti</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Ką:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>&amp;Failas:</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Pasirinkite failą, į kurį eksportuoti.</translation>
    </message>
    <message>
        <source>The end of the range is before its start.</source>
        <translation>Intervalo pabaiga ankstesnė už jo pradžią.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Rašoma…</translation>
    </message>
    <message>
        <source>Export stopped; nothing was written.</source>
        <translation>Eksportas sustabdytas; nieko neįrašyta.</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>Nepavyko įrašyti {0}: {1}</translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation>Eksportuoti nepavyko: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to {0}.</source>
        <translation>
            <numerusform>Į {0} įrašyta %n eilutė.</numerusform>
            <numerusform>Į {0} įrašytos %n eilutės.</numerusform>
            <numerusform>Į {0} įrašyta %n eilučių.</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing… {0} rows so far</source>
        <translation>Rašoma… kol kas eilučių: {0}</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <source>Browse…</source>
        <extracomment>Picks a file: ``(caption, start folder, filters) -&gt; path``, or &quot;&quot; when cancelled.</extracomment>
        <translation>Naršyti…</translation>
    </message>
</context>
<context>
    <name>FirstRunWidget</name>
    <message>
        <source>Welcome to the Wallet monitor</source>
        <translation>Sveiki! Tai – Piniginių stebėsena</translation>
    </message>
    <message>
        <source>This app watches a Paysera Wallet account for you: it shows wallet balances, the API configuration and how far this computer&apos;s clock is from the server&apos;s. Connect with your API credentials, or try the demo, which runs against a small built-in server and needs no account.</source>
        <translation>Ši programa stebi jūsų Paysera Wallet paskyrą: rodo piniginių likučius, API konfigūraciją ir kiek šio kompiuterio laikrodis skiriasi nuo serverio laikrodžio. Prisijunkite su savo API prisijungimo duomenimis arba išbandykite demonstraciją: ji veikia su nedideliu įtaisytuoju serveriu, ir paskyros jai nereikia.</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Prisijungti…</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Išbandyti &amp;demonstraciją</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Išsaugoti profiliai</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Atverti</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>{0} s ± {1} s</source>
        <translation>{0} s ± {1} s</translation>
    </message>
    <message>
        <source>{0} ms</source>
        <translation>{0} ms</translation>
    </message>
    <message>
        <source>{0} ppm</source>
        <translation>{0} ppm</translation>
    </message>
    <message>
        <source>{0} ppm ± {1} ppm</source>
        <translation>{0} ppm ± {1} ppm</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Žinynas</translation>
    </message>
    <message>
        <source>&amp;README</source>
        <translation>&amp;README</translation>
    </message>
    <message>
        <source>The README was not installed with this copy</source>
        <translation>README failas su šia kopija neįdiegtas</translation>
    </message>
    <message>
        <source>&amp;About {0}</source>
        <translation>&amp;Apie {0}</translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message>
        <source>History chart</source>
        <extracomment>The narrowest time axis, in seconds. Columns with data up to this many: each is marked with a dot too. Up to this many columns the line is antialiased; more are drawn a pixel wide.</extracomment>
        <translation>Istorijos grafikas</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Last hour</source>
        <extracomment>The ranges offered, in the order of the range box. The series box&apos;s key of the clock offset; balances are (&quot;balance&quot;, wallet_id, currency).</extracomment>
        <translation>Paskutinė valanda</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Paskutinės 24 valandos</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Paskutinės 7 dienos</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Paskutinės 30 dienų</translation>
    </message>
    <message>
        <source>All history</source>
        <translation>Visa istorija</translation>
    </message>
    <message>
        <source>How much of the history the chart shows</source>
        <translation>Kokią istorijos dalį rodo grafikas</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Intervalas:</translation>
    </message>
    <message>
        <source>What the chart shows</source>
        <translation>Ką rodo grafikas</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Rodyti:</translation>
    </message>
    <message>
        <source>No history is kept for this connection.</source>
        <translation>Šiam ryšiui istorija nesaugoma.</translation>
    </message>
    <message>
        <source>History unavailable: {0}</source>
        <translation>Istorija nepasiekiama: {0}</translation>
    </message>
    <message>
        <source>At disposal ({0})</source>
        <translation>Disponuojama ({0})</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} d.</translation>
    </message>
    <message>
        <source>{0} hours</source>
        <translation>{0} val.</translation>
    </message>
    <message>
        <source>Wallet {0} · {1}</source>
        <translation>Piniginė {0} · {1}</translation>
    </message>
    <message>
        <source>Clock offset</source>
        <translation>Laikrodžio poslinkis</translation>
    </message>
    <message>
        <source>server − local (s)</source>
        <translation>serverio − vietinis (s)</translation>
    </message>
    <message>
        <source>Clock drift: not known yet</source>
        <translation>Laikrodžio dreifas: dar nežinomas</translation>
    </message>
    <message>
        <source>Clock drift: {0} (measured over {1})</source>
        <translation>Laikrodžio dreifas: {0} (matuota per {1})</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>The language changes the next time the app starts.</source>
        <extracomment>Marked, not translated here: it is also read from the chosen language&apos;s catalogue.</extracomment>
        <translation>Kalba pasikeis kitą kartą paleidus programą.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Kalba</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Kaip sistemoje</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kalba</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Wallet monitor</source>
        <translation>Piniginių stebėsena</translation>
    </message>
    <message>
        <source>Server clock</source>
        <translation>Serverio laikrodis</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Likučiai</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Operacijos</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Istorija</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Įvykiai</translation>
    </message>
    <message>
        <source>Server configuration</source>
        <translation>Serverio konfigūracija</translation>
    </message>
    <message>
        <source>This profile uses plain http:// to another computer: requests and answers cross the network unencrypted. Use https:// unless you know why not.</source>
        <translation>Šis profilis jungiasi prie kito kompiuterio nešifruotu http://: užklausos ir atsakymai tinklu keliauja nešifruoti. Naudokite https://, nebent žinote, kodėl ne.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Atnaujinti</translation>
    </message>
    <message>
        <source>Fetch balances and configuration now (F5)</source>
        <translation>Gauti likučius ir konfigūraciją dabar (F5)</translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation>&amp;Profiliai…</translation>
    </message>
    <message>
        <source>Choose a profile or enter credentials ({0})</source>
        <translation>Pasirinkite profilį arba įveskite prisijungimo duomenis ({0})</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Baigti</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Eksportuoti…</translation>
    </message>
    <message>
        <source>Write balances, clock, transactions or events as CSV</source>
        <translation>Įrašyti likučius, laikrodžio duomenis, operacijas ar įvykius CSV formatu</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Failas</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Ryšys</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Pagrindinė įrankių juosta</translation>
    </message>
</context>
<context>
    <name>MonitoringGroup</name>
    <message>
        <source>Monitoring</source>
        <translation>Stebėjimas</translation>
    </message>
    <message>
        <source>e.g. 14471, 14472</source>
        <translation>pvz., 14471, 14472</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>neprivaloma</translation>
    </message>
    <message>
        <source>optional — system certificates</source>
        <translation>neprivaloma — sistemos sertifikatai</translation>
    </message>
    <message>
        <source>Wallet ids:</source>
        <translation>Piniginių ID:</translation>
    </message>
    <message>
        <source>Poll every:</source>
        <translation>Tikrinti kas:</translation>
    </message>
    <message>
        <source>Project id:</source>
        <translation>Projekto ID:</translation>
    </message>
    <message>
        <source>Location id:</source>
        <translation>Vietos ID:</translation>
    </message>
    <message>
        <source>CA bundle:</source>
        <translation>CA rinkinys:</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA rinkinys</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All files (*)</source>
        <translation>PEM failai (*.pem *.crt);;Visi failai (*)</translation>
    </message>
</context>
<context>
    <name>PlainText</name>
    <message>
        <source>({count} more characters left out)</source>
        <extracomment>Characters of one server text shown in a table cell or a label; the rest is cut off. Characters of one server text in a cell that shares its width with others (a message spanning a table&apos;s columns): about one line of a window. Characters of one server text in a tooltip: a few paragraphs, still smaller than a screen. Characters of one server text kept for copying (&quot;Copy details&quot;, a table&apos;s Copy). Ends every text that was cut.</extracomment>
        <translation>(praleista dar simbolių: {count})</translation>
    </message>
</context>
<context>
    <name>PollStatus</name>
    <message>
        <source>Rate limited by the API</source>
        <extracomment>Probes in an acquisition burst: the research&apos;s 8 reach the RTT-limited bound. Two consistent probes are enough to sign requests with the corrected clock. The configuration rarely changes; reading it every ten minutes is plenty. A gap this much larger in wall time than in monotonic time means the machine slept (or the wall clock was stepped): re-acquire the clock and refresh once. How often a front end should call :meth:`PollPolicy.heartbeat`. The longest wait a ``Retry-After`` may impose before we ask again anyway. The clock history was dropped (back after an outage): a new burst starts.</extracomment>
        <translation>API apribojo užklausų dažnį</translation>
    </message>
    <message>
        <source>Some requests were rate limited</source>
        <translation>Kai kurioms užklausoms pritaikytas dažnio ribojimas</translation>
    </message>
    <message>
        <source>Measuring the clock and reading the configuration…</source>
        <extracomment>The worker&apos;s own status messages (the policy marks its own where it writes them).</extracomment>
        <translation>Matuojamas laikrodis ir skaitoma konfigūracija…</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Kiekis</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Būsena</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (dar +%n)</numerusform>
            <numerusform> (dar +%n)</numerusform>
            <numerusform> (dar +%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open since {time}</source>
        <translation>Atvira nuo {time}</translation>
    </message>
    <message>
        <source>Resolved at {time}</source>
        <translation>Išspręsta {time}</translation>
    </message>
</context>
<context>
    <name>ProblemsIndicator</name>
    <message>
        <source>1 problem</source>
        <extracomment>Rows the list shows before it scrolls (the details below need the room more). Wide enough for &quot;Balance of wallet 14471: forbidden (HTTP 403)&quot;, a count and a time.</extracomment>
        <translation>1 problema</translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problema</numerusform>
            <numerusform>%n problemos</numerusform>
            <numerusform>%n problemų</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the error window with the current problems</source>
        <translation>Rodyti klaidų langą su esamomis problemomis</translation>
    </message>
</context>
<context>
    <name>ProfileFlows</name>
    <message>
        <source>{0}

It is used for this session only.</source>
        <extracomment>The keyring notices are built in the core from English templates; shown in the window&apos;s language (warning titles are translated where they are shown, ``ui/core_texts.py``).</extracomment>
        <translation>{0}

Jis naudojamas tik šiam seansui.</translation>
    </message>
</context>
<context>
    <name>ProfileManagerDialog</name>
    <message>
        <source>Delete profile</source>
        <extracomment>Where each item keeps its profile&apos;s name (its text may carry a &quot;connected&quot; note).</extracomment>
        <translation>Ištrinti profilį</translation>
    </message>
    <message>
        <source>Delete the profile “{name}”?</source>
        <translation>Ištrinti profilį „{name}“?</translation>
    </message>
    <message>
        <source>Its settings and the key stored in the system keyring will be removed.</source>
        <translation>Bus pašalinti jo nustatymai ir sistemos raktinėje saugomas raktas.</translation>
    </message>
    <message>
        <source>It is being monitored now: monitoring stops.</source>
        <translation>Jis šiuo metu stebimas: stebėjimas bus sustabdytas.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ištrinti</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profiliai</translation>
    </message>
    <message>
        <source>Saved connection profiles. Open one to monitor it.</source>
        <translation>Išsaugoti ryšio profiliai. Atverkite profilį, kad jį stebėtumėte.</translation>
    </message>
    <message>
        <source>No profiles are saved yet: “New…” creates one.</source>
        <translation>Išsaugotų profilių dar nėra: „Naujas…“ sukurs profilį.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Atverti</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Naujas…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Redaguoti…</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Dubliuoti</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>Iš&amp;trinti…</translation>
    </message>
    <message>
        <source>{name} — connected</source>
        <translation>{name} — prisijungta</translation>
    </message>
    <message>
        <source>{name}: being monitored now</source>
        <translation>{name}: šiuo metu stebimas</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <extracomment>The languages the window speaks; the first is the one its texts are written in. Each language by its own name, as a language menu shows them. The settings key of the chosen language; absent or empty: follow the system. The file name stem of our compiled translations: ``wallet_gui_lt.qm``. Qt 6 takes its standard buttons&apos; texts (Cancel, Close…) from the context QPlatformTheme; the Lithuanian catalogue PySide ships (qt_lt.qm, Qt 5&apos;s) has them only under the older QDialogButtonBox. Marked here, they are in our catalogue too; Qt&apos;s, where it has them, is installed later and so asked first.</extracomment>
        <translation>Gerai</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Įrašyti</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Įrašyti visus</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Atverti</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Taip</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Taip &amp;viskam</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Ne</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;e viskam</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Nutraukti</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Kartoti bandymą</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Nepaisyti</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Užverti</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Atsisakyti</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Atmesti</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Žinynas</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Pritaikyti</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Atkurti</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Atkurti numatytąsias reikšmes</translation>
    </message>
</context>
<context>
    <name>RequestContext</name>
    <message>
        <source>Setting up the connection</source>
        <translation>Ryšio paruošimas</translation>
    </message>
    <message>
        <source>Clock measurement (GET /server)</source>
        <translation>Laikrodžio matavimas (GET /server)</translation>
    </message>
    <message>
        <source>Configuration (GET /configuration)</source>
        <translation>Konfigūracija (GET /configuration)</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Likučiai</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Operacijos</translation>
    </message>
    <message>
        <source>The app itself</source>
        <translation>Pati programa</translation>
    </message>
    <message>
        <source>The profiles file could not be read</source>
        <translation>Nepavyko perskaityti profilių failo</translation>
    </message>
    <message>
        <source>The profiles file could not be written</source>
        <translation>Nepavyko įrašyti profilių failo</translation>
    </message>
    <message>
        <source>The profile could not be read</source>
        <translation>Nepavyko perskaityti profilio</translation>
    </message>
    <message>
        <source>Cannot open the profile</source>
        <translation>Nepavyksta atverti profilio</translation>
    </message>
    <message>
        <source>The profile was not saved</source>
        <translation>Profilis neišsaugotas</translation>
    </message>
    <message>
        <source>The secret was not stored</source>
        <translation>Paslaptis neišsaugota</translation>
    </message>
    <message>
        <source>The keyring entry could not be moved</source>
        <translation>Nepavyko perkelti raktinės įrašo</translation>
    </message>
    <message>
        <source>The secret could not be removed from the keyring</source>
        <translation>Nepavyko pašalinti paslapties iš raktinės</translation>
    </message>
    <message>
        <source>The profile could not be deleted</source>
        <translation>Nepavyko ištrinti profilio</translation>
    </message>
    <message>
        <source>The copy was not saved</source>
        <translation>Kopija neišsaugota</translation>
    </message>
    <message>
        <source>History database</source>
        <translation>Istorijos duomenų bazė</translation>
    </message>
    <message>
        <source>The profile&apos;s alert rules could not be read</source>
        <translation>Nepavyko perskaityti profilio įspėjimų taisyklių</translation>
    </message>
    <message>
        <source>Balance of wallet {0}</source>
        <extracomment>Contexts made of a fixed start and a wallet id, and how the window says them.</extracomment>
        <translation>Piniginės {0} likutis</translation>
    </message>
    <message>
        <source>Transactions of wallet {0}</source>
        <translation>Piniginės {0} operacijos</translation>
    </message>
</context>
<context>
    <name>SecretNotice</name>
    <message>
        <source>The system keyring is not available: no Secret Service is running, or none is set up on this computer.</source>
        <translation>Sistemos raktinė nepasiekiama: Secret Service tarnyba neveikia arba šiame kompiuteryje nenustatyta.</translation>
    </message>
    <message>
        <source>The system keyring is locked.</source>
        <translation>Sistemos raktinė užrakinta.</translation>
    </message>
    <message>
        <source>The system keyring did not answer.</source>
        <translation>Sistemos raktinė neatsakė.</translation>
    </message>
    <message>
        <source>No private key passphrase is saved for “{0}” in the system keyring. It is needed to connect: enter it below, and it will be saved again.</source>
        <translation>Sistemos raktinėje nėra išsaugotos profilio „{0}“ privačiojo rakto slaptafrazės. Ji reikalinga prisijungti: įveskite ją žemiau, ir ji vėl bus išsaugota.</translation>
    </message>
    <message>
        <source>No MAC key is saved for “{0}” in the system keyring. It is needed to connect: enter it below, and it will be saved again.</source>
        <translation>Sistemos raktinėje nėra išsaugoto profilio „{0}“ MAC rakto. Jis reikalingas prisijungti: įveskite jį žemiau, ir jis vėl bus išsaugotas.</translation>
    </message>
    <message>
        <source>{0} The private key passphrase saved for “{1}” cannot be read, and it is needed for this session: enter it below to connect. It will be used until the app closes and will not be stored.</source>
        <translation>{0} Profilio „{1}“ privačiojo rakto slaptafrazės nepavyksta perskaityti, o ji reikalinga šiam seansui: įveskite ją žemiau, kad prisijungtumėte. Ji bus naudojama, kol programa bus uždaryta, ir nebus išsaugota.</translation>
    </message>
    <message>
        <source>{0} The MAC key saved for “{1}” cannot be read, and it is needed for this session: enter it below to connect. It will be used until the app closes and will not be stored.</source>
        <translation>{0} Profilio „{1}“ MAC rakto nepavyksta perskaityti, o jis reikalingas šiam seansui: įveskite jį žemiau, kad prisijungtumėte. Jis bus naudojamas, kol programa bus uždaryta, ir nebus išsaugotas.</translation>
    </message>
    <message>
        <source>{0} A key entered here is used for this session only and has to be entered again next time.</source>
        <translation>{0} Čia įvestas raktas naudojamas tik šiam seansui, ir kitą kartą jį reikės įvesti iš naujo.</translation>
    </message>
    <message>
        <source>{0} The key was not stored: it is used for this session only and has to be entered again next time.</source>
        <translation>{0} Raktas neišsaugotas: jis naudojamas tik šiam seansui, ir kitą kartą jį reikės įvesti iš naujo.</translation>
    </message>
    <message>
        <source>{0} The profile&apos;s key could not be removed from it: remove it later with the keyring&apos;s own tool (service “{1}”).</source>
        <translation>{0} Profilio rakto iš jos pašalinti nepavyko: vėliau pašalinkite jį pačios raktinės įrankiu (tarnyba „{1}“).</translation>
    </message>
</context>
<context>
    <name>StatementsModel</name>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Suma</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Kryptis</translation>
    </message>
    <message>
        <source>Other party</source>
        <translation>Kita šalis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Paskirtis</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipas</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Gauta</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Išleista</translation>
    </message>
    <message>
        <source>New since this window opened</source>
        <translation>Nauja nuo šio lango atidarymo</translation>
    </message>
</context>
<context>
    <name>StatementsPanel</name>
    <message>
        <source>Whose transactions the table shows</source>
        <extracomment>How long new statements stay tinted once on screen, in milliseconds. Ask for the next page when the view is within this many rows of the bottom.</extracomment>
        <translation>Kurios piniginės operacijas rodo lentelė</translation>
    </message>
    <message>
        <source>&amp;Wallet:</source>
        <translation>&amp;Piniginė:</translation>
    </message>
    <message>
        <source>… and {0} earlier</source>
        <translation>… ir ankstesnių: {0}</translation>
    </message>
    <message>
        <source>Not explained by known transactions: {0}</source>
        <translation>Žinomomis operacijomis nepaaiškinta: {0}</translation>
    </message>
    <message>
        <source>Transactions behind this change:</source>
        <translation>Šį pokytį lėmusios operacijos:</translation>
    </message>
    <message>
        <source>No wallet to show.</source>
        <translation>Nėra rodytinos piniginės.</translation>
    </message>
    <message>
        <source>Loading transactions…</source>
        <translation>Įkeliamos operacijos…</translation>
    </message>
    <message>
        <source>No transactions.</source>
        <translation>Operacijų nėra.</translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s) shown; loading older ones…</source>
        <translation>
            <numerusform>Rodoma %n operacija; įkeliamos senesnės…</numerusform>
            <numerusform>Rodomos %n operacijos; įkeliamos senesnės…</numerusform>
            <numerusform>Rodoma %n operacijų; įkeliamos senesnės…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s) shown; scroll down for older ones.</source>
        <translation>
            <numerusform>Rodoma %n operacija; senesnių ieškokite slinkdami žemyn.</numerusform>
            <numerusform>Rodomos %n operacijos; senesnių ieškokite slinkdami žemyn.</numerusform>
            <numerusform>Rodoma %n operacijų; senesnių ieškokite slinkdami žemyn.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s), all shown.</source>
        <translation>
            <numerusform>%n operacija, rodomos visos.</numerusform>
            <numerusform>%n operacijos, rodomos visos.</numerusform>
            <numerusform>%n operacijų, rodomos visos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Connecting</source>
        <translation>Jungiamasi</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Prisijungta</translation>
    </message>
    <message>
        <source>Connection failing</source>
        <translation>Ryšio klaida</translation>
    </message>
    <message>
        <source>Rate limited by the API</source>
        <translation>API apribojo užklausų dažnį</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pristabdyta</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Sustabdyta</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Jungiamasi…</translation>
    </message>
    <message>
        <source>The Wallet API allows {minute} signed requests per minute and {hour} per hour. With this many wallets, polling at the requested interval would exceed that, so the app polls less often.</source>
        <extracomment>How often the countdown is redrawn while a poll, a retry or a request is pending. A request still unanswered after this long is shown as waiting. Shows how many problems are open; the app&apos;s error presenter drives it.</extracomment>
        <translation>Wallet API leidžia {minute} pasirašytų užklausų per minutę ir {hour} per valandą. Esant tiek piniginių, tikrinant nurodytu intervalu šios ribos būtų viršytos, todėl programa tikrina rečiau.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Neprisijungta</translation>
    </message>
    <message>
        <source>Poll interval stretched to {0} s to stay within the API&apos;s rate limits</source>
        <translation>Tikrinimo intervalas pailgintas iki {0} s, kad neviršytų API ribų</translation>
    </message>
    <message>
        <source>Connection state: {0}</source>
        <translation>Ryšio būsena: {0}</translation>
    </message>
    <message>
        <source>Waiting for the server: {0} ({1:.0f} s)</source>
        <translation>Laukiama serverio: {0} ({1:.0f} s)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>dabar</translation>
    </message>
    <message>
        <source>in {0} s</source>
        <translation>po {0} s</translation>
    </message>
    <message>
        <source>in {0} min {1} s</source>
        <translation>po {0} min {1} s</translation>
    </message>
    <message>
        <source>Last poll {0}</source>
        <translation>Paskutinis tikrinimas {0}</translation>
    </message>
    <message>
        <source>next try at {0}, {1}</source>
        <translation>kitas bandymas {0}, {1}</translation>
    </message>
    <message>
        <source>next poll {0}, {1}</source>
        <translation>kitas tikrinimas {0}, {1}</translation>
    </message>
</context>
<context>
    <name>TableCopying</name>
    <message>
        <source>&amp;Copy</source>
        <extracomment>Where an item keeps the text that Copy puts on the clipboard (the cell shows an excerpt).</extracomment>
        <translation>&amp;Kopijuoti</translation>
    </message>
    <message>
        <source>Copy &amp;rows</source>
        <translation>Kopijuoti &amp;eilutes</translation>
    </message>
    <message>
        <source>Copy &amp;table with headings</source>
        <translation>Kopijuoti &amp;lentelę su antraštėmis</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Refresh now</source>
        <translation>Atnaujinti dabar</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Baigti</translation>
    </message>
    <message>
        <source>Wallet monitor: all fine</source>
        <translation>Piniginių stebėsena: viskas gerai</translation>
    </message>
    <message>
        <source>Wallet monitor: a warning is active</source>
        <translation>Piniginių stebėsena: yra aktyvus įspėjimas</translation>
    </message>
    <message>
        <source>Wallet monitor: a critical alert is active</source>
        <translation>Piniginių stebėsena: yra aktyvus kritinis įspėjimas</translation>
    </message>
    <message>
        <source>Hide window</source>
        <translation>Slėpti langą</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>Rodyti langą</translation>
    </message>
</context>
<context>
    <name>WalletError</name>
    <message>
        <source>client certificate or key could not be loaded: {0}</source>
        <extracomment>32 characters of 62 symbols: about 190 bits, so a collision is not a practical concern. The port a URL without one connects to, by scheme. What a client id may consist of: printable ASCII without space, ``&quot;`` and ````. The id is written into the header between double quotes (``id=&quot;…&quot;``), so a quote or backslash would end or escape the value and inject parameters, a space is what the header separates parameters with, and anything outside ASCII or a control character (CR, LF) is not a header value at all. Extra parameter names become ``ext`` keys and ``Wallet-Api-*`` header names. Extra parameter values (``project_id``, ``location_id``) are ids: 0 … 2**63 − 1.</extracomment>
        <translation>nepavyko įkelti kliento sertifikato ar rakto: {0}</translation>
    </message>
    <message>
        <source>client certificate or key could not be loaded: {0} (wrong key passphrase?)</source>
        <translation>nepavyko įkelti kliento sertifikato ar rakto: {0} (neteisinga rakto slaptafrazė?)</translation>
    </message>
    <message>
        <source>client id is empty</source>
        <translation>kliento ID tuščias</translation>
    </message>
    <message>
        <source>client id may contain only printable ASCII without quotes or backslashes</source>
        <translation>kliento ID gali sudaryti tik spausdinami ASCII simboliai be kabučių ir atvirkštinių pasvirųjų brūkšnių</translation>
    </message>
    <message>
        <source>extra parameter names must be lower-case identifiers such as project_id</source>
        <translation>papildomų parametrų pavadinimai turi būti mažosiomis raidėmis rašomi identifikatoriai, pavyzdžiui, project_id</translation>
    </message>
    <message>
        <source>{0} must be a non-negative whole number</source>
        <translation>{0} turi būti neneigiamas sveikasis skaičius</translation>
    </message>
    <message>
        <source>client certificate file not found: {0}</source>
        <translation>kliento sertifikato failas nerastas: {0}</translation>
    </message>
    <message>
        <source>request cancelled: the client is shutting down</source>
        <extracomment>A day is far beyond any real rate-limit window; a longer ``Retry-After`` is a broken header. The longest ``Content-Type`` looked at, and the longest error code kept from a body. Keys of an API error object that carry details for the report, kept as they are.</extracomment>
        <translation>užklausa atšaukta: klientas baigia darbą</translation>
    </message>
    <message>
        <source>verification failed</source>
        <extracomment>How much of a redirect&apos;s ``Location`` a message quotes (before escaping). Reasons said when the TLS library gives none.</extracomment>
        <translation>patikra nepavyko</translation>
    </message>
    <message>
        <source>handshake failed</source>
        <translation>ryšio užmezgimas nepavyko</translation>
    </message>
    <message>
        <source>{0} redirected to {1} ({2}); not followed (HTTP {3})</source>
        <extracomment>Messages too long for one line of code, marked for the window&apos;s translations.</extracomment>
        <translation>{0} nukreipė į {1} ({2}); nukreipimas neįvykdytas (HTTP {3})</translation>
    </message>
    <message>
        <source>{0} redirected to no address (no Location); not followed (HTTP {1})</source>
        <translation>{0} nukreipė be adreso (nėra Location); nukreipimas neįvykdytas (HTTP {1})</translation>
    </message>
    <message>
        <source>{0} redirected a signed request to {1} ({2}); not followed: a signed request follows no redirect, so its signature goes nowhere else (HTTP {3})</source>
        <translation>{0} nukreipė pasirašytą užklausą į {1} ({2}); nukreipimas neįvykdytas: pasirašyta užklausa niekur nenukreipiama, kad jos parašas nepatektų kitur (HTTP {3})</translation>
    </message>
    <message>
        <source>{0} redirected a signed request to no address (no Location); not followed: a signed request follows no redirect, so its signature goes nowhere else (HTTP {1})</source>
        <translation>{0} nukreipė pasirašytą užklausą be adreso (nėra Location); nukreipimas neįvykdytas: pasirašyta užklausa niekur nenukreipiama, kad jos parašas nepatektų kitur (HTTP {1})</translation>
    </message>
    <message>
        <source>{0} answered {1} {2} with a {3} page instead of an API error (likely a proxy or gateway)</source>
        <translation>{0} atsakė {1} {2}: vietoj API klaidos atsiuntė {3} puslapį (tikriausiai tarpinis serveris ar šliuzas)</translation>
    </message>
    <message>
        <source>{0} did not finish answering within {1} s</source>
        <translation>{0} nebaigė atsakyti per {1} s</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>nežinomo tipo</translation>
    </message>
    <message>
        <source>{0} answered {1} {2} with an empty body</source>
        <translation>{0} atsakė {1} {2} tuščiu turiniu</translation>
    </message>
    <message>
        <source>TLS certificate problem with {0}: {1}</source>
        <translation>{0} TLS sertifikato problema: {1}</translation>
    </message>
    <message>
        <source>TLS handshake with {0} failed: {1}</source>
        <translation>nepavyko užmegzti TLS ryšio su {0}: {1}</translation>
    </message>
    <message>
        <source>connecting to {0} timed out after {1} s</source>
        <translation>jungimasis prie {0} nutrauktas po {1} s: baigėsi laikas</translation>
    </message>
    <message>
        <source>{0} did not answer within {1} s</source>
        <translation>{0} neatsakė per {1} s</translation>
    </message>
    <message>
        <source>cannot resolve host name {0}</source>
        <translation>nepavyko rasti kompiuterio vardo {0} adreso</translation>
    </message>
    <message>
        <source>connection to {0} refused</source>
        <translation>ryšys su {0} atmestas</translation>
    </message>
    <message>
        <source>{0} closed the connection without answering</source>
        <translation>{0} nutraukė ryšį neatsakęs</translation>
    </message>
    <message>
        <source>connection to {0} was reset</source>
        <translation>ryšys su {0} nutrauktas</translation>
    </message>
    <message>
        <source>answer from {0} was cut off or garbled</source>
        <translation>{0} atsakymas nutrūko arba yra sugadintas</translation>
    </message>
    <message>
        <source>connection to {0} failed</source>
        <translation>nepavyko prisijungti prie {0}</translation>
    </message>
    <message>
        <source>request to {0} failed ({1})</source>
        <translation>užklausa į {0} nepavyko ({1})</translation>
    </message>
    <message>
        <source>request to {0} failed: {1}</source>
        <translation>užklausa į {0} nepavyko: {1}</translation>
    </message>
    <message>
        <source>connection to {0} broke while reading the answer ({1})</source>
        <translation>ryšys su {0} nutrūko skaitant atsakymą ({1})</translation>
    </message>
    <message>
        <source>this request needs credentials, and none are configured</source>
        <translation>šiai užklausai reikia prisijungimo duomenų, bet jie nenustatyti</translation>
    </message>
    <message>
        <source>too many redirects from {0}</source>
        <translation>per daug nukreipimų iš {0}</translation>
    </message>
    <message>
        <source>a request to {0} was not sent: its address leads to another origin</source>
        <translation>užklausa į {0} neišsiųsta: jos adresas veda į kitą kilmę</translation>
    </message>
    <message>
        <source>answer from {0} is too large ({1} bytes; limit {2}); not read</source>
        <extracomment>``{1}``: the declared size, ``{2}``: the limit, both in bytes, written out.</extracomment>
        <translation>{0} atsakymas per didelis ({1} baitų; riba {2}); neskaitytas</translation>
    </message>
    <message>
        <source>answer from {0} exceeds {1} bytes; reading stopped</source>
        <extracomment>``{1}``: the limit in bytes, written out.</extracomment>
        <translation>{0} atsakymas viršija {1} baitų; skaitymas sustabdytas</translation>
    </message>
    <message>
        <source>{0} sent an empty answer</source>
        <translation>{0} atsiuntė tuščią atsakymą</translation>
    </message>
    <message>
        <source>{0} sent an answer that is not JSON ({1})</source>
        <extracomment>``{1}``: the answer&apos;s media type (&quot;text/html&quot;), or &quot;unknown type&quot;.</extracomment>
        <translation>{0} atsiuntė atsakymą, kuris nėra JSON ({1})</translation>
    </message>
    <message>
        <source>CA bundle could not be loaded: {0}</source>
        <translation>nepavyko įkelti CA sertifikatų rinkinio: {0}</translation>
    </message>
    <message>
        <source>no address</source>
        <extracomment>What kind of address a redirect&apos;s ``Location`` names (``transport.resolve_location``).</extracomment>
        <translation>jokio adreso</translation>
    </message>
    <message>
        <source>a malformed address</source>
        <translation>netaisyklingą adresą</translation>
    </message>
    <message>
        <source>an address with user info</source>
        <translation>adresą su naudotojo duomenimis</translation>
    </message>
    <message>
        <source>the same origin</source>
        <translation>tą pačią kilmę</translation>
    </message>
    <message>
        <source>another origin</source>
        <translation>kitą kilmę</translation>
    </message>
    <message>
        <source>{0}: expected a JSON object, got {1}</source>
        <extracomment>Server time is whole UNIX seconds with 0 &lt; time &lt; 2**40 (the year 36812): a larger value would overflow ``time.localtime``, ``datetime`` and float arithmetic downstream. Wallet and owner ids are 64-bit signed positive integers, as the API&apos;s database keys are. How much of a server-supplied name or text an error message quotes.</extracomment>
        <translation>{0}: tikėtasi JSON objekto, gauta: {1}</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>loginė reikšmė</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>skaičius</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eilutė</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>masyvas</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>objektas</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; has the wrong type ({2})</source>
        <translation>{0}: &apos;{1}&apos; yra netinkamo tipo ({2})</translation>
    </message>
    <message>
        <source>{0}: required field &apos;{1}&apos; is missing</source>
        <translation>{0}: trūksta privalomo lauko &apos;{1}&apos;</translation>
    </message>
    <message>
        <source>{0}: required field &apos;{1}&apos; is null</source>
        <translation>{0}: privalomas laukas &apos;{1}&apos; yra null</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; is out of range</source>
        <translation>{0}: &apos;{1}&apos; nepatenka į leistinas ribas</translation>
    </message>
    <message>
        <source>invalid host or port in base URL: {0}</source>
        <extracomment>Wallet ids are positive 64-bit integers; a wallet&apos;s path segment is built only from one. ``scheme://anything-up-to-the-last-@-before-the-path@``: the userinfo to hide in messages.</extracomment>
        <translation>netinkamas bazinio URL kompiuteris arba prievadas: {0}</translation>
    </message>
    <message>
        <source>the base URL must be text</source>
        <translation>bazinis URL turi būti tekstas</translation>
    </message>
    <message>
        <source>the base URL must not contain a user name or password</source>
        <translation>baziniame URL negali būti naudotojo vardo ar slaptažodžio</translation>
    </message>
    <message>
        <source>the base URL must not contain spaces or control characters: {0}</source>
        <translation>baziniame URL negali būti tarpų ar valdymo simbolių: {0}</translation>
    </message>
    <message>
        <source>not an http(s) base URL: {0}</source>
        <translation>tai ne http(s) bazinis URL: {0}</translation>
    </message>
    <message>
        <source>the base URL must not contain a query (?…) or a fragment (#…): {0}</source>
        <translation>baziniame URL negali būti užklausos (?…) ar fragmento (#…): {0}</translation>
    </message>
    <message>
        <source>empty wallet id</source>
        <translation>tuščias piniginės ID</translation>
    </message>
    <message>
        <source>wallet id {0} is not valid: use the wallet&apos;s number (digits only)</source>
        <translation>piniginės ID {0} netinkamas: nurodykite piniginės numerį (tik skaitmenis)</translation>
    </message>
    <message>
        <source>wallet id must be a number</source>
        <translation>piniginės ID turi būti skaičius</translation>
    </message>
    <message>
        <source>wallet id is out of range (1 to {0})</source>
        <translation>piniginės ID nepatenka į ribas (nuo 1 iki {0})</translation>
    </message>
    <message>
        <source>cannot read the secret: no usable OS keyring was found (keyring backend: {0}); secrets cannot be stored and are used for this session only</source>
        <extracomment>Lets scripts and CI pass a MAC key without a keyring and without a command-line argument (arguments are visible to every user through the process list). Why the keyring could not be used: ``CredentialStoreError.kind``. The window words its messages from the kind (``wallet_gui.core.secret_notice``), never from the backend&apos;s name. The store&apos;s messages, by what it was asked to do (``read``, ``store``, ``delete``): marked English templates, so the window can say them in its language (``{0}``: the backend).</extracomment>
        <translation>nepavyko perskaityti paslapties: nerasta tinkama OS raktinė (raktinės posistemė: {0}); paslapčių išsaugoti negalima, jos naudojamos tik šiam seansui</translation>
    </message>
    <message>
        <source>cannot store the secret: no usable OS keyring was found (keyring backend: {0}); secrets cannot be stored and are used for this session only</source>
        <translation>nepavyko išsaugoti paslapties: nerasta tinkama OS raktinė (raktinės posistemė: {0}); paslapčių išsaugoti negalima, jos naudojamos tik šiam seansui</translation>
    </message>
    <message>
        <source>cannot delete the secret: no usable OS keyring was found (keyring backend: {0}); secrets cannot be stored and are used for this session only</source>
        <translation>nepavyko ištrinti paslapties: nerasta tinkama OS raktinė (raktinės posistemė: {0}); paslapčių išsaugoti negalima, jos naudojamos tik šiam seansui</translation>
    </message>
    <message>
        <source>cannot read the secret: the keyring ({0}) is locked</source>
        <translation>nepavyko perskaityti paslapties: raktinė ({0}) užrakinta</translation>
    </message>
    <message>
        <source>cannot store the secret: the keyring ({0}) is locked</source>
        <translation>nepavyko išsaugoti paslapties: raktinė ({0}) užrakinta</translation>
    </message>
    <message>
        <source>cannot delete the secret: the keyring ({0}) is locked</source>
        <translation>nepavyko ištrinti paslapties: raktinė ({0}) užrakinta</translation>
    </message>
    <message>
        <source>cannot read the secret in the keyring ({0}): {1}</source>
        <extracomment>``{1}``: the type of the backend&apos;s exception (its text could echo arguments).</extracomment>
        <translation>nepavyko perskaityti paslapties raktinėje ({0}): {1}</translation>
    </message>
    <message>
        <source>cannot store the secret in the keyring ({0}): {1}</source>
        <translation>nepavyko išsaugoti paslapties raktinėje ({0}): {1}</translation>
    </message>
    <message>
        <source>cannot delete the secret in the keyring ({0}): {1}</source>
        <translation>nepavyko ištrinti paslapties raktinėje ({0}): {1}</translation>
    </message>
    <message>
        <source>refusing to store an empty secret</source>
        <translation>tuščia paslaptis neišsaugoma</translation>
    </message>
    <message>
        <source>no secret stored for {0}</source>
        <translation>{0} neturi išsaugotos paslapties</translation>
    </message>
    <message>
        <source>cannot create the history {0}: {1}</source>
        <translation>nepavyko sukurti istorijos duomenų bazės {0}: {1}</translation>
    </message>
    <message>
        <source>cannot open the history {0}: {1}</source>
        <translation>nepavyko atidaryti istorijos duomenų bazės {0}: {1}</translation>
    </message>
    <message>
        <source>cannot read the history {0}: {1}</source>
        <translation>nepavyko perskaityti istorijos duomenų bazės {0}: {1}</translation>
    </message>
    <message>
        <source>cannot write the history {0}: {1}</source>
        <translation>nepavyko įrašyti į istorijos duomenų bazę {0}: {1}</translation>
    </message>
    <message>
        <source>cannot read profiles from {0}: {1}</source>
        <translation>nepavyko perskaityti profilių iš {0}: {1}</translation>
    </message>
    <message>
        <source>cannot save profile {2} to {0}: {1}</source>
        <translation>nepavyko išsaugoti profilio {2} į {0}: {1}</translation>
    </message>
    <message>
        <source>cannot delete profile {2} from {0}: {1}</source>
        <translation>nepavyko ištrinti profilio {2} iš {0}: {1}</translation>
    </message>
    <message>
        <source>cannot save {2} as the last used profile to {0}: {1}</source>
        <translation>nepavyko įrašyti {2} kaip paskutinio naudoto profilio į {0}: {1}</translation>
    </message>
    <message>
        <source>cannot forget the last used profile in {0}: {1}</source>
        <translation>nepavyko pamiršti paskutinio naudoto profilio faile {0}: {1}</translation>
    </message>
    <message>
        <source>cannot save the alert rules of {2} to {0}: {1}</source>
        <translation>nepavyko išsaugoti profilio {2} įspėjimų taisyklių į {0}: {1}</translation>
    </message>
    <message>
        <source>“{0}” is not a low-balance rule: write the wallet id, the currency and the amount, e.g. “14471 EUR 100.00”</source>
        <translation>„{0}“ nėra mažo likučio taisyklė: įrašykite piniginės ID, valiutą ir sumą, pvz., „14471 EUR 100.00“</translation>
    </message>
</context>
<context>
    <name>_FailedWallets</name>
    <message>
        <source>Connected, 1 wallet failed</source>
        <translation>Prisijungta, 1 piniginės nepavyko nuskaityti</translation>
    </message>
    <message numerus="yes">
        <source>Connected, %n wallets failed</source>
        <translation>
            <numerusform>Prisijungta, %n piniginės nepavyko nuskaityti</numerusform>
            <numerusform>Prisijungta, %n piniginių nepavyko nuskaityti</numerusform>
            <numerusform>Prisijungta, %n piniginių nepavyko nuskaityti</numerusform>
        </translation>
    </message>
</context>
</TS>
