<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>{0} (nothing stored there yet)</source>
        <translation>{0} (пока там ничего не сохранено)</translation>
    </message>
    <message>
        <source>not installed with this copy: see README.md in the project&apos;s source</source>
        <translation>не установлена с этой копией: см. README.md в исходном коде проекта</translation>
    </message>
    <message>
        <source>About {0}</source>
        <translation>О программе {0}</translation>
    </message>
    <message>
        <source>A desktop monitor for the Paysera Wallet REST API: balances, the server&apos;s configuration and this computer&apos;s clock offset.</source>
        <translation>Настольный монитор REST API Paysera Wallet: балансы, конфигурация сервера и смещение часов этого компьютера.</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Версия:</translation>
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
        <translation>Файл настроек:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Папка данных:</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>Лицензия:</translation>
    </message>
    <message>
        <source>Documentation:</source>
        <translation>Документация:</translation>
    </message>
    <message>
        <source>Open &amp;README</source>
        <translation>Открыть &amp;README</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Copy these details, for a bug report</source>
        <translation>Скопировать эти сведения для отчёта об ошибке</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>1 minute</source>
        <extracomment>At most one notification per rule in this many seconds (the issue&apos;s ten minutes). How many statement ids per wallet are remembered to tell new ones from seen ones.</extracomment>
        <translation>1 мин</translation>
    </message>
    <message>
        <source>{0} minutes</source>
        <translation>{0} мин</translation>
    </message>
    <message>
        <source>Alert rule removed: {0}</source>
        <translation>Правило оповещения удалено: {0}</translation>
    </message>
    <message>
        <source>The rule was changed in the profile.</source>
        <translation>Правило изменено в профиле.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {0} s behind the server&apos;s (limit {1} s); signed requests may be refused.</source>
        <translation>Часы этого компьютера отстают от серверных на {0} с (предел {1} с); подписанные запросы могут быть отклонены.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {0} s ahead of the server&apos;s (limit {1} s); signed requests may be refused.</source>
        <translation>Часы этого компьютера спешат относительно серверных на {0} с (предел {1} с); подписанные запросы могут быть отклонены.</translation>
    </message>
    <message>
        <source>Clock offset too large</source>
        <translation>Слишком большое смещение часов</translation>
    </message>
    <message>
        <source>Clock offset back within limit</source>
        <translation>Смещение часов снова в пределах нормы</translation>
    </message>
    <message>
        <source>The clock offset is {0} s, within the limit of {1} s.</source>
        <translation>Смещение часов составляет {0} с, в пределах {1} с.</translation>
    </message>
    <message>
        <source> from {0}</source>
        <translation> от {0}</translation>
    </message>
    <message>
        <source>Incoming payment: {0}</source>
        <translation>Входящий платёж: {0}</translation>
    </message>
    <message>
        <source>Wallet {0} received {1}</source>
        <translation>Кошелёк {0} получил {1}</translation>
    </message>
    <message>
        <source>Low balance: wallet {0} {1}</source>
        <translation>Низкий баланс: кошелёк {0} {1}</translation>
    </message>
    <message>
        <source>{0} {1} at disposal in wallet {2}, below {3} {1}.</source>
        <translation>В кошельке {2} доступно {0} {1} — меньше {3} {1}.</translation>
    </message>
    <message>
        <source>Balance back up: wallet {0} {1}</source>
        <translation>Баланс восстановлен: кошелёк {0} {1}</translation>
    </message>
    <message>
        <source>{0} {1} at disposal in wallet {2}, no longer below {3} {1}.</source>
        <translation>В кошельке {2} доступно {0} {1} — уже не меньше {3} {1}.</translation>
    </message>
    <message>
        <source>Wallet API reachable again</source>
        <translation>Wallet API снова доступен</translation>
    </message>
    <message>
        <source>The Wallet API answers again after {0}.</source>
        <translation>Wallet API снова отвечает спустя {0}.</translation>
    </message>
    <message>
        <source>Wallet API failing</source>
        <translation>Wallet API не работает</translation>
    </message>
    <message>
        <source>Every request to the Wallet API has failed for {0}.</source>
        <translation>Все запросы к Wallet API не выполняются уже {0}.</translation>
    </message>
</context>
<context>
    <name>AlertsGroup</name>
    <message>
        <source>Alerts</source>
        <translation>Оповещения</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Each new incoming transaction</source>
        <translation>Каждая новая входящая операция</translation>
    </message>
    <message>
        <source>e.g. 14471 EUR 100.00; 14472 USD 5</source>
        <translation>напр., 14471 EUR 100.00; 14472 USD 5</translation>
    </message>
    <message>
        <source>Clock offset above:</source>
        <translation>Смещение часов больше:</translation>
    </message>
    <message>
        <source>API failing for:</source>
        <translation>API не работает дольше:</translation>
    </message>
    <message>
        <source>Low balances:</source>
        <translation>Низкие балансы:</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>demo (local emulator)</source>
        <extracomment>How often the demo server&apos;s data changes a little, so highlighting can be seen. The saved profile being monitored (``None``: none, or the demo). ``run()`` sets this while ``app.exec()`` runs: ``quit()`` then ends the loop.</extracomment>
        <translation>демо (локальный эмулятор)</translation>
    </message>
</context>
<context>
    <name>AuthenticationGroup</name>
    <message>
        <source>Authentication</source>
        <translation>Аутентификация</translation>
    </message>
    <message>
        <source>MAC (client id and key)</source>
        <translation>MAC (ID клиента и ключ)</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Сертификат клиента</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Способ:</translation>
    </message>
    <message>
        <source>stored in the system keyring — leave empty to keep</source>
        <translation>хранится в системной связке ключей — оставьте пустым, чтобы не менять</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>ID клиента:</translation>
    </message>
    <message>
        <source>MAC key:</source>
        <translation>Ключ MAC:</translation>
    </message>
    <message>
        <source>PEM file with the client certificate</source>
        <translation>PEM-файл с сертификатом клиента</translation>
    </message>
    <message>
        <source>optional when the certificate file has it</source>
        <translation>необязательно, если он есть в файле сертификата</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>Файлы PEM (*.pem *.crt *.key);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Сертификат:</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Закрытый ключ:</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Закрытый ключ</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>Парольная фраза ключа:</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
</context>
<context>
    <name>BalancesPanel</name>
    <message>
        <source>Wallet</source>
        <extracomment>How long a changed amount stays tinted, in milliseconds. Extra width per column beyond its widest cell, so that columns do not run together.</extracomment>
        <translation>Кошелёк</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>At disposal</source>
        <translation>Доступно</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Зарезервировано</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Обновлено</translation>
    </message>
    <message>
        <source>Open Profiles…</source>
        <translation>Открыть профили…</translation>
    </message>
    <message>
        <source>No wallets to watch.
Add wallet ids to this profile in Profiles…</source>
        <translation>Нет кошельков для наблюдения.
Добавьте ID кошельков в этот профиль в окне «Профили…»</translation>
    </message>
    <message>
        <source>Waiting for the first balances…</source>
        <translation>Ожидание первых балансов…</translation>
    </message>
    <message>
        <source>Changed; was {0}</source>
        <translation>Изменилось; было {0}</translation>
    </message>
    <message>
        <source>Wallet {0}</source>
        <translation>Кошелёк {0}</translation>
    </message>
    <message>
        <source>Balance unavailable: {0}</source>
        <translation>Баланс недоступен: {0}</translation>
    </message>
    <message>
        <source>Waiting for the first answer…</source>
        <translation>Ожидание первого ответа…</translation>
    </message>
    <message>
        <source>No balances in this wallet</source>
        <translation>В этом кошельке нет балансов</translation>
    </message>
    <message>
        <source>Time of the last successful update</source>
        <translation>Время последнего успешного обновления</translation>
    </message>
</context>
<context>
    <name>ClockChart</name>
    <message>
        <source>Last 5 minutes</source>
        <extracomment>Up to this many history points, each is drawn as a dot as well as joined by the line. The narrowest time axis, in seconds: a burst of probes a second apart stays readable. The shortest offset axis, in seconds (±10 ms): finer is noise, not information.</extracomment>
        <translation>Последние 5 минут</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Последний час</translation>
    </message>
    <message>
        <source>All measurements</source>
        <translation>Все измерения</translation>
    </message>
    <message>
        <source>How much of the offset history the chart shows</source>
        <translation>Какую часть истории смещения показывает график</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Показать:</translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation>Неопределённость</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Смещение</translation>
    </message>
    <message>
        <source>server − local (s)</source>
        <translation>сервер − локальное (с)</translation>
    </message>
    <message>
        <source>Offset history (line) with its guaranteed uncertainty band (shaded).</source>
        <translation>История смещения (линия) с гарантированной полосой неопределённости (затенена).</translation>
    </message>
</context>
<context>
    <name>ClockPanel</name>
    <message>
        <source>Server time minus this computer&apos;s time. The ± is a guaranteed bound: the true offset lies within it.</source>
        <translation>Время сервера минус время этого компьютера. ± — гарантированная граница: истинное смещение лежит в её пределах.</translation>
    </message>
    <message>
        <source>&amp;Copy offset</source>
        <translation>&amp;Копировать смещение</translation>
    </message>
    <message>
        <source>Copy clock &amp;details</source>
        <translation>Копировать &amp;сведения о часах</translation>
    </message>
    <message>
        <source>Typical error:</source>
        <translation>Типичная погрешность:</translation>
    </message>
    <message>
        <source>Round trip:</source>
        <translation>Круговая задержка:</translation>
    </message>
    <message>
        <source>Drift:</source>
        <translation>Дрейф:</translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation>Замеров:</translation>
    </message>
    <message>
        <source>Falsetickers:</source>
        <translation>Отброшено:</translation>
    </message>
    <message>
        <source>Last measured:</source>
        <translation>Последнее измерение:</translation>
    </message>
    <message>
        <source>How fast this computer&apos;s clock runs off the server&apos;s, in parts per million.</source>
        <translation>Насколько быстро часы этого компьютера уходят от часов сервера, в миллионных долях (ppm).</translation>
    </message>
    <message>
        <source>Samples left out because they disagreed with all the others.</source>
        <translation>Замеры, отброшенные, потому что расходились со всеми остальными.</translation>
    </message>
    <message>
        <source>Clock fine: the offset plus its uncertainty is at most {fine:g} s.
Clock skew risky: up to {risky:g} s; servers that check timestamps may start refusing requests signed with this computer&apos;s clock.
Computer clock far off: more than {risky:g} s; other software signing with this computer&apos;s clock would be refused.
Signatures failing: the server has refused this app&apos;s timestamp.
Clock unknown: the server could not be reached, or nothing was measured for {stale:g} minutes.

This app signs its requests with the corrected clock, so it keeps working; other programs on this computer use the uncorrected clock.</source>
        <translation>Часы в порядке: смещение вместе с неопределённостью не больше {fine:g} с.
Рискованное расхождение часов: до {risky:g} с; серверы, проверяющие метки времени, могут начать отклонять запросы, подписанные по часам этого компьютера.
Часы компьютера сильно сбиты: больше {risky:g} с; запросы других программ, подписанные по часам этого компьютера, были бы отклонены.
Подписи отклоняются: сервер отклонил метку времени этого приложения.
Состояние часов неизвестно: сервер недоступен или {stale:g} мин ничего не измерялось.

Это приложение подписывает запросы по исправленным часам, поэтому продолжает работать; другие программы на этом компьютере используют неисправленные часы.</translation>
    </message>
    <message>
        <source>Measuring clock offset…</source>
        <translation>Измерение смещения часов…</translation>
    </message>
    <message>
        <source>measuring… (so far {0} to {1} ppm)</source>
        <translation>измерение… (пока от {0} до {1} ppm)</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>измерение…</translation>
    </message>
    <message>
        <source>This computer is within ±{0} s of the server.</source>
        <translation>Время этого компьютера отличается от серверного не более чем на ±{0} с.</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} с</translation>
    </message>
    <message>
        <source>This computer agrees with the server.</source>
        <translation>Время этого компьютера совпадает с серверным.</translation>
    </message>
    <message>
        <source>This computer is {0} behind the server.</source>
        <translation>Этот компьютер отстаёт от сервера на {0}.</translation>
    </message>
    <message>
        <source>This computer is {0} ahead of the server.</source>
        <translation>Этот компьютер спешит относительно сервера на {0}.</translation>
    </message>
    <message>
        <source>Clock unknown</source>
        <translation>Состояние часов неизвестно</translation>
    </message>
    <message>
        <source>Server unreachable since {0}; the numbers are from {1}.</source>
        <translation>Сервер недоступен с {0}; показаны данные на {1}.</translation>
    </message>
    <message>
        <source>Not measured since {1}; the numbers are from then.</source>
        <translation>Не измерялось с {1}; показаны данные на тот момент.</translation>
    </message>
    <message>
        <source>Clock fine</source>
        <translation>Часы в порядке</translation>
    </message>
    <message>
        <source>Clock skew risky</source>
        <translation>Рискованное расхождение часов</translation>
    </message>
    <message>
        <source>This app corrects for it. Other software signing with this computer&apos;s clock may be refused.</source>
        <translation>Это приложение его учитывает. Запросы других программ, подписанные по часам этого компьютера, могут быть отклонены.</translation>
    </message>
    <message>
        <source>Signatures failing</source>
        <translation>Подписи отклоняются</translation>
    </message>
    <message>
        <source>The server refused this app&apos;s timestamp; measuring again.</source>
        <translation>Сервер отклонил метку времени этого приложения; идёт повторное измерение.</translation>
    </message>
    <message>
        <source>Computer clock far off</source>
        <translation>Часы компьютера сильно сбиты</translation>
    </message>
    <message>
        <source>This app corrects for it. Other software signing with this computer&apos;s clock would be refused.</source>
        <translation>Это приложение его учитывает. Запросы других программ, подписанные по часам этого компьютера, были бы отклонены.</translation>
    </message>
</context>
<context>
    <name>ClockText</name>
    <message>
        <source>{0} s</source>
        <extracomment>Half of the API&apos;s one-second resolution: the least uncertainty of one answer.</extracomment>
        <translation>{0} с</translation>
    </message>
    <message>
        <source>{0} min {1} s</source>
        <translation>{0} мин {1} с</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} мин</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} ч {1} мин</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} ч</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 день</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} дн.</translation>
    </message>
    <message>
        <source>in step with this computer ({0})</source>
        <translation>совпадают с часами этого компьютера ({0})</translation>
    </message>
    <message>
        <source>{0} ahead of this computer ({1})</source>
        <translation>на {0} впереди этого компьютера ({1})</translation>
    </message>
    <message>
        <source>{0} behind this computer ({1})</source>
        <translation>на {0} позади этого компьютера ({1})</translation>
    </message>
    <message>
        <source>server clock at {0} (UNIX time), {1}</source>
        <translation>часы сервера: {0} (время UNIX), {1}</translation>
    </message>
    <message>
        <source>server clock {0}, {1}</source>
        <translation>часы сервера {0}, {1}</translation>
    </message>
    <message>
        <source>client</source>
        <extracomment>A connection test that takes longer than this has failed anyway. How long ``stop`` waits for cancelled tests&apos; threads: they end as their sockets close.</extracomment>
        <translation>клиент</translation>
    </message>
    <message>
        <source>signed in as {0}; {1}</source>
        <translation>вход выполнен как {0}; {1}</translation>
    </message>
</context>
<context>
    <name>ConfigurationPanel</name>
    <message>
        <source>Minimum password length</source>
        <translation>Минимальная длина пароля</translation>
    </message>
    <message>
        <source>Urgent bank transfer: beneficiary account pattern</source>
        <translation>Срочный банковский перевод: шаблон счёта получателя</translation>
    </message>
    <message>
        <source>Setting</source>
        <extracomment>Extra width of the Setting column beyond its longest label. The Setting column grows to fit its labels up to this many average characters; a longer key (the server may send any) is elided, whole in its tooltip and on Copy.</extracomment>
        <translation>Параметр</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
</context>
<context>
    <name>ConnectionHistory</name>
    <message>
        <source>Requests succeed again</source>
        <extracomment>How often &quot;the API has been failing for N minutes&quot; is looked at while nothing arrives. How often the long-baseline drift is read again from the history. How far back the clock chart reaches into earlier sessions.</extracomment>
        <translation>Запросы снова выполняются</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>Enter a profile name.</source>
        <extracomment>What the project and location id fields accept: a positive integer, no leading zeros. The characters the wallet ids field accepts while typing: digits and separators.</extracomment>
        <translation>Введите имя профиля.</translation>
    </message>
    <message>
        <source>The profile name cannot contain / or \.</source>
        <translation>Имя профиля не может содержать / или \.</translation>
    </message>
    <message>
        <source>Another profile already has this name.</source>
        <translation>Это имя уже занято другим профилем.</translation>
    </message>
    <message>
        <source>Plain http:// to another computer: requests and answers cross the network unencrypted. Use https:// unless you know why not.</source>
        <translation>Незашифрованный http:// к другому компьютеру: запросы и ответы идут по сети без шифрования. Используйте https://, если нет веской причины поступить иначе.</translation>
    </message>
    <message>
        <source>The API address must start with https:// (or http://) and a host.</source>
        <translation>Адрес API должен начинаться с https:// (или http://) и имени хоста.</translation>
    </message>
    <message>
        <source>Enter the client id.</source>
        <translation>Введите ID клиента.</translation>
    </message>
    <message>
        <source>Enter the MAC key.</source>
        <translation>Введите ключ MAC.</translation>
    </message>
    <message>
        <source>Choose the client certificate file.</source>
        <translation>Выберите файл сертификата клиента.</translation>
    </message>
    <message>
        <source>The certificate file does not exist.</source>
        <translation>Файл сертификата не существует.</translation>
    </message>
    <message>
        <source>The private key file does not exist.</source>
        <translation>Файл закрытого ключа не существует.</translation>
    </message>
    <message>
        <source>Project id and location id must be positive whole numbers.</source>
        <translation>ID проекта и ID места должны быть положительными целыми числами.</translation>
    </message>
    <message>
        <source>The CA bundle file does not exist.</source>
        <translation>Файл набора CA не существует.</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Удалить профиль</translation>
    </message>
    <message>
        <source>Delete the profile “{name}”?</source>
        <translation>Удалить профиль «{name}»?</translation>
    </message>
    <message>
        <source>Its settings and the secret stored in the system keyring will be removed.</source>
        <translation>Его настройки и секрет, хранящийся в системной связке ключей, будут удалены.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Edit connection</source>
        <translation>Изменить подключение</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Новое подключение</translation>
    </message>
    <message>
        <source>e.g. main account</source>
        <translation>напр., основной счёт</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Имя профиля:</translation>
    </message>
    <message>
        <source>API address:</source>
        <translation>Адрес API:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <source>Delete profile…</source>
        <translation>Удалить профиль…</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>✔ Connected</source>
        <translation>✔ Подключено</translation>
    </message>
    <message>
        <source>✘ Failed</source>
        <translation>✘ Ошибка</translation>
    </message>
</context>
<context>
    <name>ErrorDetails</name>
    <message>
        <source>Error code:</source>
        <translation>Код ошибки:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Описание:</translation>
    </message>
    <message>
        <source>HTTP status:</source>
        <translation>Статус HTTP:</translation>
    </message>
    <message>
        <source>Retry after:</source>
        <translation>Повтор через:</translation>
    </message>
    <message>
        <source>Correlation id:</source>
        <translation>ID корреляции:</translation>
    </message>
    <message>
        <source>More information:</source>
        <translation>Подробнее:</translation>
    </message>
    <message>
        <source>Long text is shortened here; “Copy details” copies it in full (up to {size} KiB per field).</source>
        <translation>Длинный текст здесь сокращён; «Копировать подробности» копирует его полностью (до {size} КиБ на поле).</translation>
    </message>
    <message>
        <source>While: {context}</source>
        <translation>При выполнении: {context}</translation>
    </message>
    <message>
        <source>{seconds:g} s</source>
        <translation>{seconds:g} с</translation>
    </message>
    <message numerus="yes">
        <source>Happened %n times since {0}</source>
        <translation>
            <numerusform>Произошло %n раз с {0}</numerusform>
            <numerusform>Произошло %n раза с {0}</numerusform>
            <numerusform>Произошло %n раз с {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolved at {time}.</source>
        <translation>Решено в {time}.</translation>
    </message>
    <message>
        <source>The app retries this by itself.</source>
        <translation>Приложение повторяет это само.</translation>
    </message>
    <message>
        <source>Failing now: {0}</source>
        <translation>Сейчас не удаётся: {0}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Copy details</source>
        <translation>Копировать подробности</translation>
    </message>
    <message>
        <source>Open problems: {open} · resolved: {resolved}</source>
        <translation>Открытых проблем: {open} · решённых: {resolved}</translation>
    </message>
    <message>
        <source>Problems ({count} open)</source>
        <translation>Проблемы (открытых: {count})</translation>
    </message>
    <message>
        <source>Problems (all resolved)</source>
        <translation>Проблемы (все решены)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>The Wallet API reported an error</source>
        <translation>Wallet API сообщил об ошибке</translation>
    </message>
    <message>
        <source>The Wallet API could not be reached</source>
        <translation>Не удалось связаться с Wallet API</translation>
    </message>
    <message>
        <source>The Wallet API sent an unexpected answer</source>
        <translation>Wallet API прислал неожиданный ответ</translation>
    </message>
    <message>
        <source>Credentials problem</source>
        <translation>Проблема с учётными данными</translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation>Непредвиденная проблема</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <source>Time</source>
        <extracomment>Severities, most severe first; the list&apos;s colours and icons follow them.</extracomment>
        <translation>Время</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Важность</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Критично</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Норма</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to</source>
        <extracomment>The kinds the export knows, in the order of the kind box. ``choose_file(parent, suggested_path) -&gt; chosen path`` (&quot;&quot; when cancelled).</extracomment>
        <translation>Экспорт в</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Файлы CSV (*.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Экспорт истории</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Балансы</translation>
    </message>
    <message>
        <source>Clock offsets</source>
        <translation>Смещения часов</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Операции</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;По:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>Ос&amp;тановить</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Что:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Выберите файл для экспорта.</translation>
    </message>
    <message>
        <source>The end of the range is before its start.</source>
        <translation>Конец диапазона раньше его начала.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Запись…</translation>
    </message>
    <message>
        <source>Export stopped; nothing was written.</source>
        <translation>Экспорт остановлен; ничего не записано.</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>Не удалось записать {0}: {1}</translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation>Экспорт не удался: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to {0}.</source>
        <translation>
            <numerusform>В {0} записана %n строка.</numerusform>
            <numerusform>В {0} записаны %n строки.</numerusform>
            <numerusform>В {0} записано %n строк.</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing… {0} rows so far</source>
        <translation>Запись… пока строк: {0}</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <source>Browse…</source>
        <extracomment>Picks a file: ``(caption, start folder, filters) -&gt; path``, or &quot;&quot; when cancelled.</extracomment>
        <translation>Обзор…</translation>
    </message>
</context>
<context>
    <name>FirstRunWidget</name>
    <message>
        <source>Welcome to the Wallet monitor</source>
        <translation>Добро пожаловать!</translation>
    </message>
    <message>
        <source>This app watches a Paysera Wallet account for you: it shows wallet balances, the API configuration and how far this computer&apos;s clock is from the server&apos;s. Connect with your API credentials, or try the demo, which runs against a small built-in server and needs no account.</source>
        <translation>Это приложение следит за вашим аккаунтом Paysera Wallet: показывает балансы кошельков, конфигурацию API и насколько часы этого компьютера расходятся с часами сервера. Подключитесь со своими учётными данными API или попробуйте демо — оно работает с небольшим встроенным сервером и не требует аккаунта.</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Подключиться…</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Попробовать &amp;демо</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Сохранённые профили</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>{0} s</source>
        <translation>{0} с</translation>
    </message>
    <message>
        <source>{0} s ± {1} s</source>
        <translation>{0} с ± {1} с</translation>
    </message>
    <message>
        <source>{0} ms</source>
        <translation>{0} мс</translation>
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
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;README</source>
        <translation>&amp;README</translation>
    </message>
    <message>
        <source>The README was not installed with this copy</source>
        <translation>Файл README не установлен с этой копией</translation>
    </message>
    <message>
        <source>&amp;About {0}</source>
        <translation>&amp;О программе {0}</translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message>
        <source>History chart</source>
        <extracomment>The narrowest time axis, in seconds. Columns with data up to this many: each is marked with a dot too. Up to this many columns the line is antialiased; more are drawn a pixel wide.</extracomment>
        <translation>График истории</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Last hour</source>
        <extracomment>The ranges offered, in the order of the range box. The series box&apos;s key of the clock offset; balances are (&quot;balance&quot;, wallet_id, currency).</extracomment>
        <translation>Последний час</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Последние 24 часа</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <source>All history</source>
        <translation>Вся история</translation>
    </message>
    <message>
        <source>How much of the history the chart shows</source>
        <translation>Какую часть истории показывает график</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Диапазон:</translation>
    </message>
    <message>
        <source>What the chart shows</source>
        <translation>Что показывает график</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Показать:</translation>
    </message>
    <message>
        <source>No history is kept for this connection.</source>
        <translation>Для этого подключения история не хранится.</translation>
    </message>
    <message>
        <source>History unavailable: {0}</source>
        <translation>История недоступна: {0}</translation>
    </message>
    <message>
        <source>At disposal ({0})</source>
        <translation>Доступно ({0})</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} дн.</translation>
    </message>
    <message>
        <source>{0} hours</source>
        <translation>{0} ч</translation>
    </message>
    <message>
        <source>Wallet {0} · {1}</source>
        <translation>Кошелёк {0} · {1}</translation>
    </message>
    <message>
        <source>Clock offset</source>
        <translation>Смещение часов</translation>
    </message>
    <message>
        <source>server − local (s)</source>
        <translation>сервер − локальное (с)</translation>
    </message>
    <message>
        <source>Clock drift: not known yet</source>
        <translation>Дрейф часов: пока неизвестен</translation>
    </message>
    <message>
        <source>Clock drift: {0} (measured over {1})</source>
        <translation>Дрейф часов: {0} (измерено за {1})</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>The language changes the next time the app starts.</source>
        <extracomment>Marked, not translated here: it is also read from the chosen language&apos;s catalogue.</extracomment>
        <translation>Язык сменится при следующем запуске приложения.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Wallet monitor</source>
        <translation>Монитор кошельков</translation>
    </message>
    <message>
        <source>Server clock</source>
        <translation>Часы сервера</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Балансы</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Операции</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>Server configuration</source>
        <translation>Конфигурация сервера</translation>
    </message>
    <message>
        <source>This profile uses plain http:// to another computer: requests and answers cross the network unencrypted. Use https:// unless you know why not.</source>
        <translation>Этот профиль подключается к другому компьютеру по незашифрованному http://: запросы и ответы идут по сети без шифрования. Используйте https://, если нет веской причины поступить иначе.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Fetch balances and configuration now (F5)</source>
        <translation>Получить балансы и конфигурацию сейчас (F5)</translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation>&amp;Профили…</translation>
    </message>
    <message>
        <source>Choose a profile or enter credentials ({0})</source>
        <translation>Выберите профиль или введите учётные данные ({0})</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>Write balances, clock, transactions or events as CSV</source>
        <translation>Записать балансы, данные часов, операции или события в CSV</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Подключение</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Основная панель инструментов</translation>
    </message>
</context>
<context>
    <name>MonitoringGroup</name>
    <message>
        <source>Monitoring</source>
        <translation>Наблюдение</translation>
    </message>
    <message>
        <source>e.g. 14471, 14472</source>
        <translation>напр., 14471, 14472</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <source>optional — system certificates</source>
        <translation>необязательно — системные сертификаты</translation>
    </message>
    <message>
        <source>Wallet ids:</source>
        <translation>ID кошельков:</translation>
    </message>
    <message>
        <source>Poll every:</source>
        <translation>Опрашивать каждые:</translation>
    </message>
    <message>
        <source>Project id:</source>
        <translation>ID проекта:</translation>
    </message>
    <message>
        <source>Location id:</source>
        <translation>ID места:</translation>
    </message>
    <message>
        <source>CA bundle:</source>
        <translation>Набор CA:</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Набор CA</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All files (*)</source>
        <translation>Файлы PEM (*.pem *.crt);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>PlainText</name>
    <message>
        <source>({count} more characters left out)</source>
        <extracomment>Characters of one server text shown in a table cell or a label; the rest is cut off. Characters of one server text in a cell that shares its width with others (a message spanning a table&apos;s columns): about one line of a window. Characters of one server text in a tooltip: a few paragraphs, still smaller than a screen. Characters of one server text kept for copying (&quot;Copy details&quot;, a table&apos;s Copy). Ends every text that was cut.</extracomment>
        <translation>(пропущено ещё символов: {count})</translation>
    </message>
</context>
<context>
    <name>PollStatus</name>
    <message>
        <source>Rate limited by the API</source>
        <extracomment>Probes in an acquisition burst: the research&apos;s 8 reach the RTT-limited bound. Two consistent probes are enough to sign requests with the corrected clock. The configuration rarely changes; reading it every ten minutes is plenty. A gap this much larger in wall time than in monotonic time means the machine slept (or the wall clock was stepped): re-acquire the clock and refresh once. How often a front end should call :meth:`PollPolicy.heartbeat`. The longest wait a ``Retry-After`` may impose before we ask again anyway. The clock history was dropped (back after an outage): a new burst starts.</extracomment>
        <translation>API ограничил частоту запросов</translation>
    </message>
    <message>
        <source>Some requests were rate limited</source>
        <translation>Часть запросов отклонена из-за ограничения частоты</translation>
    </message>
    <message>
        <source>Measuring the clock and reading the configuration…</source>
        <extracomment>The worker&apos;s own status messages (the policy marks its own where it writes them).</extracomment>
        <translation>Измерение часов и чтение конфигурации…</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (ещё +%n)</numerusform>
            <numerusform> (ещё +%n)</numerusform>
            <numerusform> (ещё +%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open since {time}</source>
        <translation>Открыта с {time}</translation>
    </message>
    <message>
        <source>Resolved at {time}</source>
        <translation>Решена в {time}</translation>
    </message>
</context>
<context>
    <name>ProblemsIndicator</name>
    <message>
        <source>1 problem</source>
        <extracomment>Rows the list shows before it scrolls (the details below need the room more). Wide enough for &quot;Balance of wallet 14471: forbidden (HTTP 403)&quot;, a count and a time.</extracomment>
        <translation>1 проблема</translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n проблема</numerusform>
            <numerusform>%n проблемы</numerusform>
            <numerusform>%n проблем</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the error window with the current problems</source>
        <translation>Показать окно ошибок с текущими проблемами</translation>
    </message>
</context>
<context>
    <name>ProfileFlows</name>
    <message>
        <source>{0}

It is used for this session only.</source>
        <extracomment>The keyring notices are built in the core from English templates; shown in the window&apos;s language (warning titles are translated where they are shown, ``ui/core_texts.py``).</extracomment>
        <translation>{0}

Он используется только в этом сеансе.</translation>
    </message>
</context>
<context>
    <name>ProfileManagerDialog</name>
    <message>
        <source>Delete profile</source>
        <extracomment>Where each item keeps its profile&apos;s name (its text may carry a &quot;connected&quot; note).</extracomment>
        <translation>Удалить профиль</translation>
    </message>
    <message>
        <source>Delete the profile “{name}”?</source>
        <translation>Удалить профиль «{name}»?</translation>
    </message>
    <message>
        <source>Its settings and the key stored in the system keyring will be removed.</source>
        <translation>Его настройки и ключ, хранящийся в системной связке ключей, будут удалены.</translation>
    </message>
    <message>
        <source>It is being monitored now: monitoring stops.</source>
        <translation>Сейчас он отслеживается: наблюдение остановится.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Профили</translation>
    </message>
    <message>
        <source>Saved connection profiles. Open one to monitor it.</source>
        <translation>Сохранённые профили подключения. Откройте профиль, чтобы наблюдать за ним.</translation>
    </message>
    <message>
        <source>No profiles are saved yet: “New…” creates one.</source>
        <translation>Сохранённых профилей пока нет: «Новый…» создаст профиль.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Новый…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Дублировать</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>{name} — connected</source>
        <translation>{name} — подключён</translation>
    </message>
    <message>
        <source>{name}: being monitored now</source>
        <translation>{name}: сейчас отслеживается</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <extracomment>The languages the window speaks; the first is the one its texts are written in. Each language by its own name, as a language menu shows them. The settings key of the chosen language; absent or empty: follow the system. The file name stem of our compiled translations: ``wallet_gui_lt.qm``. Qt 6 takes its standard buttons&apos; texts (Cancel, Close…) from the context QPlatformTheme; the Lithuanian catalogue PySide ships (qt_lt.qm, Qt 5&apos;s) has them only under the older QDialogButtonBox. Marked here, they are in our catalogue too; Qt&apos;s, where it has them, is installed later and so asked first.</extracomment>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Сохранить все</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Да</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Да для &amp;всех</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Нет</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Н&amp;ет для всех</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Прервать</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Справка</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>По умолчанию</translation>
    </message>
</context>
<context>
    <name>RequestContext</name>
    <message>
        <source>Setting up the connection</source>
        <translation>Настройка подключения</translation>
    </message>
    <message>
        <source>Clock measurement (GET /server)</source>
        <translation>Измерение часов (GET /server)</translation>
    </message>
    <message>
        <source>Configuration (GET /configuration)</source>
        <translation>Конфигурация (GET /configuration)</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Балансы</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Операции</translation>
    </message>
    <message>
        <source>The app itself</source>
        <translation>Само приложение</translation>
    </message>
    <message>
        <source>The profiles file could not be read</source>
        <translation>Не удалось прочитать файл профилей</translation>
    </message>
    <message>
        <source>The profiles file could not be written</source>
        <translation>Не удалось записать файл профилей</translation>
    </message>
    <message>
        <source>The profile could not be read</source>
        <translation>Не удалось прочитать профиль</translation>
    </message>
    <message>
        <source>Cannot open the profile</source>
        <translation>Не удаётся открыть профиль</translation>
    </message>
    <message>
        <source>The profile was not saved</source>
        <translation>Профиль не сохранён</translation>
    </message>
    <message>
        <source>The secret was not stored</source>
        <translation>Секрет не сохранён</translation>
    </message>
    <message>
        <source>The keyring entry could not be moved</source>
        <translation>Не удалось перенести запись в связке ключей</translation>
    </message>
    <message>
        <source>The secret could not be removed from the keyring</source>
        <translation>Не удалось удалить секрет из связки ключей</translation>
    </message>
    <message>
        <source>The profile could not be deleted</source>
        <translation>Не удалось удалить профиль</translation>
    </message>
    <message>
        <source>The copy was not saved</source>
        <translation>Копия не сохранена</translation>
    </message>
    <message>
        <source>History database</source>
        <translation>База данных истории</translation>
    </message>
    <message>
        <source>The profile&apos;s alert rules could not be read</source>
        <translation>Не удалось прочитать правила оповещений профиля</translation>
    </message>
    <message>
        <source>Balance of wallet {0}</source>
        <extracomment>Contexts made of a fixed start and a wallet id, and how the window says them.</extracomment>
        <translation>Баланс кошелька {0}</translation>
    </message>
    <message>
        <source>Transactions of wallet {0}</source>
        <translation>Операции кошелька {0}</translation>
    </message>
</context>
<context>
    <name>SecretNotice</name>
    <message>
        <source>The system keyring is not available: no Secret Service is running, or none is set up on this computer.</source>
        <translation>Системная связка ключей недоступна: служба Secret Service не запущена или не настроена на этом компьютере.</translation>
    </message>
    <message>
        <source>The system keyring is locked.</source>
        <translation>Системная связка ключей заблокирована.</translation>
    </message>
    <message>
        <source>The system keyring did not answer.</source>
        <translation>Системная связка ключей не ответила.</translation>
    </message>
    <message>
        <source>No private key passphrase is saved for “{0}” in the system keyring. It is needed to connect: enter it below, and it will be saved again.</source>
        <translation>Для «{0}» в системной связке ключей не сохранена парольная фраза закрытого ключа. Она нужна для подключения: введите её ниже, и она снова будет сохранена.</translation>
    </message>
    <message>
        <source>No MAC key is saved for “{0}” in the system keyring. It is needed to connect: enter it below, and it will be saved again.</source>
        <translation>Для «{0}» в системной связке ключей не сохранён ключ MAC. Он нужен для подключения: введите его ниже, и он снова будет сохранён.</translation>
    </message>
    <message>
        <source>{0} The private key passphrase saved for “{1}” cannot be read, and it is needed for this session: enter it below to connect. It will be used until the app closes and will not be stored.</source>
        <translation>{0} Сохранённую для «{1}» парольную фразу закрытого ключа не удаётся прочитать, а она нужна для этого сеанса: введите её ниже, чтобы подключиться. Она будет использоваться до закрытия приложения и не будет сохранена.</translation>
    </message>
    <message>
        <source>{0} The MAC key saved for “{1}” cannot be read, and it is needed for this session: enter it below to connect. It will be used until the app closes and will not be stored.</source>
        <translation>{0} Сохранённый для «{1}» ключ MAC не удаётся прочитать, а он нужен для этого сеанса: введите его ниже, чтобы подключиться. Он будет использоваться до закрытия приложения и не будет сохранён.</translation>
    </message>
    <message>
        <source>{0} A key entered here is used for this session only and has to be entered again next time.</source>
        <translation>{0} Введённый здесь ключ используется только в этом сеансе, и в следующий раз его придётся ввести снова.</translation>
    </message>
    <message>
        <source>{0} The key was not stored: it is used for this session only and has to be entered again next time.</source>
        <translation>{0} Ключ не сохранён: он используется только в этом сеансе, и в следующий раз его придётся ввести снова.</translation>
    </message>
    <message>
        <source>{0} The profile&apos;s key could not be removed from it: remove it later with the keyring&apos;s own tool (service “{1}”).</source>
        <translation>{0} Ключ профиля не удалось из неё удалить: удалите его позже средствами самой связки ключей (служба «{1}»).</translation>
    </message>
</context>
<context>
    <name>StatementsModel</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Other party</source>
        <translation>Контрагент</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Назначение</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Приход</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Расход</translation>
    </message>
    <message>
        <source>New since this window opened</source>
        <translation>Новое с момента открытия окна</translation>
    </message>
</context>
<context>
    <name>StatementsPanel</name>
    <message>
        <source>Whose transactions the table shows</source>
        <extracomment>How long new statements stay tinted once on screen, in milliseconds. Ask for the next page when the view is within this many rows of the bottom.</extracomment>
        <translation>Операции какого кошелька показывает таблица</translation>
    </message>
    <message>
        <source>&amp;Wallet:</source>
        <translation>&amp;Кошелёк:</translation>
    </message>
    <message>
        <source>… and {0} earlier</source>
        <translation>… и более ранних: {0}</translation>
    </message>
    <message>
        <source>Not explained by known transactions: {0}</source>
        <translation>Не объясняется известными операциями: {0}</translation>
    </message>
    <message>
        <source>Transactions behind this change:</source>
        <translation>Операции, стоящие за этим изменением:</translation>
    </message>
    <message>
        <source>No wallet to show.</source>
        <translation>Нет кошелька для показа.</translation>
    </message>
    <message>
        <source>Loading transactions…</source>
        <translation>Загрузка операций…</translation>
    </message>
    <message>
        <source>No transactions.</source>
        <translation>Операций нет.</translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s) shown; loading older ones…</source>
        <translation>
            <numerusform>Показана %n операция; загружаются более ранние…</numerusform>
            <numerusform>Показаны %n операции; загружаются более ранние…</numerusform>
            <numerusform>Показано %n операций; загружаются более ранние…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s) shown; scroll down for older ones.</source>
        <translation>
            <numerusform>Показана %n операция; более ранние — прокрутите вниз.</numerusform>
            <numerusform>Показаны %n операции; более ранние — прокрутите вниз.</numerusform>
            <numerusform>Показано %n операций; более ранние — прокрутите вниз.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s), all shown.</source>
        <translation>
            <numerusform>%n операция, показаны все.</numerusform>
            <numerusform>%n операции, показаны все.</numerusform>
            <numerusform>%n операций, показаны все.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Connecting</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Подключено</translation>
    </message>
    <message>
        <source>Connection failing</source>
        <translation>Сбой подключения</translation>
    </message>
    <message>
        <source>Rate limited by the API</source>
        <translation>API ограничил частоту запросов</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Приостановлено</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Остановлено</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>The Wallet API allows {minute} signed requests per minute and {hour} per hour. With this many wallets, polling at the requested interval would exceed that, so the app polls less often.</source>
        <extracomment>How often the countdown is redrawn while a poll, a retry or a request is pending. A request still unanswered after this long is shown as waiting. Shows how many problems are open; the app&apos;s error presenter drives it.</extracomment>
        <translation>Wallet API допускает {minute} подписанных запросов в минуту и {hour} в час. При таком числе кошельков опрос с заданным интервалом превысил бы эти пределы, поэтому приложение опрашивает реже.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Не подключено</translation>
    </message>
    <message>
        <source>Poll interval stretched to {0} s to stay within the API&apos;s rate limits</source>
        <translation>Интервал опроса увеличен до {0} с, чтобы не превышать лимиты API</translation>
    </message>
    <message>
        <source>Connection state: {0}</source>
        <translation>Состояние подключения: {0}</translation>
    </message>
    <message>
        <source>Waiting for the server: {0} ({1:.0f} s)</source>
        <translation>Ожидание сервера: {0} ({1:.0f} с)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <source>in {0} s</source>
        <translation>через {0} с</translation>
    </message>
    <message>
        <source>in {0} min {1} s</source>
        <translation>через {0} мин {1} с</translation>
    </message>
    <message>
        <source>Last poll {0}</source>
        <translation>Последний опрос {0}</translation>
    </message>
    <message>
        <source>next try at {0}, {1}</source>
        <translation>следующая попытка в {0}, {1}</translation>
    </message>
    <message>
        <source>next poll {0}, {1}</source>
        <translation>следующий опрос {0}, {1}</translation>
    </message>
</context>
<context>
    <name>TableCopying</name>
    <message>
        <source>&amp;Copy</source>
        <extracomment>Where an item keeps the text that Copy puts on the clipboard (the cell shows an excerpt).</extracomment>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Copy &amp;rows</source>
        <translation>Копировать &amp;строки</translation>
    </message>
    <message>
        <source>Copy &amp;table with headings</source>
        <translation>Копировать &amp;таблицу с заголовками</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Refresh now</source>
        <translation>Обновить сейчас</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Wallet monitor: all fine</source>
        <translation>Монитор кошельков: всё в порядке</translation>
    </message>
    <message>
        <source>Wallet monitor: a warning is active</source>
        <translation>Монитор кошельков: есть активное предупреждение</translation>
    </message>
    <message>
        <source>Wallet monitor: a critical alert is active</source>
        <translation>Монитор кошельков: есть активное критическое оповещение</translation>
    </message>
    <message>
        <source>Hide window</source>
        <translation>Скрыть окно</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>Показать окно</translation>
    </message>
</context>
<context>
    <name>WalletError</name>
    <message>
        <source>client certificate or key could not be loaded: {0}</source>
        <extracomment>32 characters of 62 symbols: about 190 bits, so a collision is not a practical concern. The port a URL without one connects to, by scheme. What a client id may consist of: printable ASCII without space, ``&quot;`` and ````. The id is written into the header between double quotes (``id=&quot;…&quot;``), so a quote or backslash would end or escape the value and inject parameters, a space is what the header separates parameters with, and anything outside ASCII or a control character (CR, LF) is not a header value at all. Extra parameter names become ``ext`` keys and ``Wallet-Api-*`` header names. Extra parameter values (``project_id``, ``location_id``) are ids: 0 … 2**63 − 1.</extracomment>
        <translation>не удалось загрузить клиентский сертификат или ключ: {0}</translation>
    </message>
    <message>
        <source>client certificate or key could not be loaded: {0} (wrong key passphrase?)</source>
        <translation>не удалось загрузить клиентский сертификат или ключ: {0} (неверная парольная фраза ключа?)</translation>
    </message>
    <message>
        <source>client id is empty</source>
        <translation>ID клиента пуст</translation>
    </message>
    <message>
        <source>client id may contain only printable ASCII without quotes or backslashes</source>
        <translation>ID клиента может содержать только печатные символы ASCII без кавычек и обратных косых черт</translation>
    </message>
    <message>
        <source>extra parameter names must be lower-case identifiers such as project_id</source>
        <translation>имена дополнительных параметров должны быть идентификаторами в нижнем регистре, например project_id</translation>
    </message>
    <message>
        <source>{0} must be a non-negative whole number</source>
        <translation>значение {0} должно быть неотрицательным целым числом</translation>
    </message>
    <message>
        <source>client certificate file not found: {0}</source>
        <translation>файл клиентского сертификата не найден: {0}</translation>
    </message>
    <message>
        <source>request cancelled: the client is shutting down</source>
        <extracomment>A day is far beyond any real rate-limit window; a longer ``Retry-After`` is a broken header. The longest ``Content-Type`` looked at, and the longest error code kept from a body. Keys of an API error object that carry details for the report, kept as they are.</extracomment>
        <translation>запрос отменён: клиент завершает работу</translation>
    </message>
    <message>
        <source>verification failed</source>
        <extracomment>How much of a redirect&apos;s ``Location`` a message quotes (before escaping). Reasons said when the TLS library gives none.</extracomment>
        <translation>проверка не пройдена</translation>
    </message>
    <message>
        <source>handshake failed</source>
        <translation>рукопожатие не удалось</translation>
    </message>
    <message>
        <source>{0} redirected to {1} ({2}); not followed (HTTP {3})</source>
        <extracomment>Messages too long for one line of code, marked for the window&apos;s translations.</extracomment>
        <translation>{0} перенаправил на {1} ({2}); перенаправление не выполнено (HTTP {3})</translation>
    </message>
    <message>
        <source>{0} redirected to no address (no Location); not followed (HTTP {1})</source>
        <translation>{0} перенаправил без адреса (нет Location); перенаправление не выполнено (HTTP {1})</translation>
    </message>
    <message>
        <source>{0} redirected a signed request to {1} ({2}); not followed: a signed request follows no redirect, so its signature goes nowhere else (HTTP {3})</source>
        <translation>{0} перенаправил подписанный запрос на {1} ({2}); перенаправление не выполнено: подписанный запрос не следует перенаправлениям, чтобы его подпись не попала в другое место (HTTP {3})</translation>
    </message>
    <message>
        <source>{0} redirected a signed request to no address (no Location); not followed: a signed request follows no redirect, so its signature goes nowhere else (HTTP {1})</source>
        <translation>{0} перенаправил подписанный запрос без адреса (нет Location); перенаправление не выполнено: подписанный запрос не следует перенаправлениям, чтобы его подпись не попала в другое место (HTTP {1})</translation>
    </message>
    <message>
        <source>{0} answered {1} {2} with a {3} page instead of an API error (likely a proxy or gateway)</source>
        <translation>{0} ответил {1} {2}: вместо ошибки API пришла страница {3} (вероятно, от прокси или шлюза)</translation>
    </message>
    <message>
        <source>{0} did not finish answering within {1} s</source>
        <translation>{0} не закончил отвечать за {1} с</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>неизвестного типа</translation>
    </message>
    <message>
        <source>{0} answered {1} {2} with an empty body</source>
        <translation>{0} ответил {1} {2} с пустым телом</translation>
    </message>
    <message>
        <source>TLS certificate problem with {0}: {1}</source>
        <translation>проблема с TLS-сертификатом {0}: {1}</translation>
    </message>
    <message>
        <source>TLS handshake with {0} failed: {1}</source>
        <translation>TLS-рукопожатие с {0} не удалось: {1}</translation>
    </message>
    <message>
        <source>connecting to {0} timed out after {1} s</source>
        <translation>время подключения к {0} истекло через {1} с</translation>
    </message>
    <message>
        <source>{0} did not answer within {1} s</source>
        <translation>{0} не ответил за {1} с</translation>
    </message>
    <message>
        <source>cannot resolve host name {0}</source>
        <translation>не удаётся разрешить имя хоста {0}</translation>
    </message>
    <message>
        <source>connection to {0} refused</source>
        <translation>в подключении к {0} отказано</translation>
    </message>
    <message>
        <source>{0} closed the connection without answering</source>
        <translation>{0} закрыл соединение, не ответив</translation>
    </message>
    <message>
        <source>connection to {0} was reset</source>
        <translation>соединение с {0} сброшено</translation>
    </message>
    <message>
        <source>answer from {0} was cut off or garbled</source>
        <translation>ответ от {0} оборван или искажён</translation>
    </message>
    <message>
        <source>connection to {0} failed</source>
        <translation>не удалось подключиться к {0}</translation>
    </message>
    <message>
        <source>request to {0} failed ({1})</source>
        <translation>запрос к {0} не удался ({1})</translation>
    </message>
    <message>
        <source>request to {0} failed: {1}</source>
        <translation>запрос к {0} не удался: {1}</translation>
    </message>
    <message>
        <source>connection to {0} broke while reading the answer ({1})</source>
        <translation>соединение с {0} прервалось при чтении ответа ({1})</translation>
    </message>
    <message>
        <source>this request needs credentials, and none are configured</source>
        <translation>для этого запроса нужны учётные данные, но они не заданы</translation>
    </message>
    <message>
        <source>too many redirects from {0}</source>
        <translation>слишком много перенаправлений от {0}</translation>
    </message>
    <message>
        <source>a request to {0} was not sent: its address leads to another origin</source>
        <translation>запрос к {0} не отправлен: его адрес ведёт к другому источнику</translation>
    </message>
    <message>
        <source>answer from {0} is too large ({1} bytes; limit {2}); not read</source>
        <extracomment>``{1}``: the declared size, ``{2}``: the limit, both in bytes, written out.</extracomment>
        <translation>ответ от {0} слишком велик ({1} байт; предел {2}); не прочитан</translation>
    </message>
    <message>
        <source>answer from {0} exceeds {1} bytes; reading stopped</source>
        <extracomment>``{1}``: the limit in bytes, written out.</extracomment>
        <translation>ответ от {0} превышает {1} байт; чтение остановлено</translation>
    </message>
    <message>
        <source>{0} sent an empty answer</source>
        <translation>{0} прислал пустой ответ</translation>
    </message>
    <message>
        <source>{0} sent an answer that is not JSON ({1})</source>
        <extracomment>``{1}``: the answer&apos;s media type (&quot;text/html&quot;), or &quot;unknown type&quot;.</extracomment>
        <translation>{0} прислал ответ не в формате JSON ({1})</translation>
    </message>
    <message>
        <source>CA bundle could not be loaded: {0}</source>
        <translation>не удалось загрузить набор сертификатов ЦС: {0}</translation>
    </message>
    <message>
        <source>no address</source>
        <extracomment>What kind of address a redirect&apos;s ``Location`` names (``transport.resolve_location``).</extracomment>
        <translation>пустой адрес</translation>
    </message>
    <message>
        <source>a malformed address</source>
        <translation>некорректный адрес</translation>
    </message>
    <message>
        <source>an address with user info</source>
        <translation>адрес с данными пользователя</translation>
    </message>
    <message>
        <source>the same origin</source>
        <translation>тот же источник</translation>
    </message>
    <message>
        <source>another origin</source>
        <translation>другой источник</translation>
    </message>
    <message>
        <source>{0}: expected a JSON object, got {1}</source>
        <extracomment>Server time is whole UNIX seconds with 0 &lt; time &lt; 2**40 (the year 36812): a larger value would overflow ``time.localtime``, ``datetime`` and float arithmetic downstream. Wallet and owner ids are 64-bit signed positive integers, as the API&apos;s database keys are. How much of a server-supplied name or text an error message quotes.</extracomment>
        <translation>{0}: ожидался объект JSON, получено: {1}</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>логическое значение</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>число</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>строка</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>массив</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>объект</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; has the wrong type ({2})</source>
        <translation>{0}: у &apos;{1}&apos; неверный тип ({2})</translation>
    </message>
    <message>
        <source>{0}: required field &apos;{1}&apos; is missing</source>
        <translation>{0}: отсутствует обязательное поле &apos;{1}&apos;</translation>
    </message>
    <message>
        <source>{0}: required field &apos;{1}&apos; is null</source>
        <translation>{0}: обязательное поле &apos;{1}&apos; равно null</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; is out of range</source>
        <translation>{0}: &apos;{1}&apos; вне допустимого диапазона</translation>
    </message>
    <message>
        <source>invalid host or port in base URL: {0}</source>
        <extracomment>Wallet ids are positive 64-bit integers; a wallet&apos;s path segment is built only from one. ``scheme://anything-up-to-the-last-@-before-the-path@``: the userinfo to hide in messages.</extracomment>
        <translation>неверный хост или порт в базовом URL: {0}</translation>
    </message>
    <message>
        <source>the base URL must be text</source>
        <translation>базовый URL должен быть текстом</translation>
    </message>
    <message>
        <source>the base URL must not contain a user name or password</source>
        <translation>базовый URL не должен содержать имя пользователя или пароль</translation>
    </message>
    <message>
        <source>the base URL must not contain spaces or control characters: {0}</source>
        <translation>базовый URL не должен содержать пробелы или управляющие символы: {0}</translation>
    </message>
    <message>
        <source>not an http(s) base URL: {0}</source>
        <translation>это не базовый URL http(s): {0}</translation>
    </message>
    <message>
        <source>the base URL must not contain a query (?…) or a fragment (#…): {0}</source>
        <translation>базовый URL не должен содержать запрос (?…) или фрагмент (#…): {0}</translation>
    </message>
    <message>
        <source>empty wallet id</source>
        <translation>пустой ID кошелька</translation>
    </message>
    <message>
        <source>wallet id {0} is not valid: use the wallet&apos;s number (digits only)</source>
        <translation>ID кошелька {0} недопустим: укажите номер кошелька (только цифры)</translation>
    </message>
    <message>
        <source>wallet id must be a number</source>
        <translation>ID кошелька должен быть числом</translation>
    </message>
    <message>
        <source>wallet id is out of range (1 to {0})</source>
        <translation>ID кошелька вне диапазона (от 1 до {0})</translation>
    </message>
    <message>
        <source>cannot read the secret: no usable OS keyring was found (keyring backend: {0}); secrets cannot be stored and are used for this session only</source>
        <extracomment>Lets scripts and CI pass a MAC key without a keyring and without a command-line argument (arguments are visible to every user through the process list). Why the keyring could not be used: ``CredentialStoreError.kind``. The window words its messages from the kind (``wallet_gui.core.secret_notice``), never from the backend&apos;s name. The store&apos;s messages, by what it was asked to do (``read``, ``store``, ``delete``): marked English templates, so the window can say them in its language (``{0}``: the backend).</extracomment>
        <translation>не удалось прочитать секрет: подходящая связка ключей ОС не найдена (бэкенд keyring: {0}); секреты нельзя сохранить, они используются только в этом сеансе</translation>
    </message>
    <message>
        <source>cannot store the secret: no usable OS keyring was found (keyring backend: {0}); secrets cannot be stored and are used for this session only</source>
        <translation>не удалось сохранить секрет: подходящая связка ключей ОС не найдена (бэкенд keyring: {0}); секреты нельзя сохранить, они используются только в этом сеансе</translation>
    </message>
    <message>
        <source>cannot delete the secret: no usable OS keyring was found (keyring backend: {0}); secrets cannot be stored and are used for this session only</source>
        <translation>не удалось удалить секрет: подходящая связка ключей ОС не найдена (бэкенд keyring: {0}); секреты нельзя сохранить, они используются только в этом сеансе</translation>
    </message>
    <message>
        <source>cannot read the secret: the keyring ({0}) is locked</source>
        <translation>не удалось прочитать секрет: связка ключей ({0}) заблокирована</translation>
    </message>
    <message>
        <source>cannot store the secret: the keyring ({0}) is locked</source>
        <translation>не удалось сохранить секрет: связка ключей ({0}) заблокирована</translation>
    </message>
    <message>
        <source>cannot delete the secret: the keyring ({0}) is locked</source>
        <translation>не удалось удалить секрет: связка ключей ({0}) заблокирована</translation>
    </message>
    <message>
        <source>cannot read the secret in the keyring ({0}): {1}</source>
        <extracomment>``{1}``: the type of the backend&apos;s exception (its text could echo arguments).</extracomment>
        <translation>не удалось прочитать секрет в связке ключей ({0}): {1}</translation>
    </message>
    <message>
        <source>cannot store the secret in the keyring ({0}): {1}</source>
        <translation>не удалось сохранить секрет в связке ключей ({0}): {1}</translation>
    </message>
    <message>
        <source>cannot delete the secret in the keyring ({0}): {1}</source>
        <translation>не удалось удалить секрет в связке ключей ({0}): {1}</translation>
    </message>
    <message>
        <source>refusing to store an empty secret</source>
        <translation>пустой секрет не сохраняется</translation>
    </message>
    <message>
        <source>no secret stored for {0}</source>
        <translation>для {0} секрет не сохранён</translation>
    </message>
    <message>
        <source>cannot create the history {0}: {1}</source>
        <translation>не удалось создать базу данных истории {0}: {1}</translation>
    </message>
    <message>
        <source>cannot open the history {0}: {1}</source>
        <translation>не удалось открыть базу данных истории {0}: {1}</translation>
    </message>
    <message>
        <source>cannot read the history {0}: {1}</source>
        <translation>не удалось прочитать базу данных истории {0}: {1}</translation>
    </message>
    <message>
        <source>cannot write the history {0}: {1}</source>
        <translation>не удалось записать в базу данных истории {0}: {1}</translation>
    </message>
    <message>
        <source>cannot read profiles from {0}: {1}</source>
        <translation>не удалось прочитать профили из {0}: {1}</translation>
    </message>
    <message>
        <source>cannot save profile {2} to {0}: {1}</source>
        <translation>не удалось сохранить профиль {2} в {0}: {1}</translation>
    </message>
    <message>
        <source>cannot delete profile {2} from {0}: {1}</source>
        <translation>не удалось удалить профиль {2} из {0}: {1}</translation>
    </message>
    <message>
        <source>cannot save {2} as the last used profile to {0}: {1}</source>
        <translation>не удалось сохранить {2} как последний использованный профиль в {0}: {1}</translation>
    </message>
    <message>
        <source>cannot forget the last used profile in {0}: {1}</source>
        <translation>не удалось забыть последний использованный профиль в {0}: {1}</translation>
    </message>
    <message>
        <source>cannot save the alert rules of {2} to {0}: {1}</source>
        <translation>не удалось сохранить правила оповещений профиля {2} в {0}: {1}</translation>
    </message>
    <message>
        <source>“{0}” is not a low-balance rule: write the wallet id, the currency and the amount, e.g. “14471 EUR 100.00”</source>
        <translation>«{0}» — не правило низкого баланса: укажите ID кошелька, валюту и сумму, например «14471 EUR 100.00»</translation>
    </message>
</context>
<context>
    <name>_FailedWallets</name>
    <message>
        <source>Connected, 1 wallet failed</source>
        <translation>Подключено, 1 кошелёк не прочитан</translation>
    </message>
    <message numerus="yes">
        <source>Connected, %n wallets failed</source>
        <translation>
            <numerusform>Подключено, %n кошелёк не прочитан</numerusform>
            <numerusform>Подключено, %n кошелька не прочитаны</numerusform>
            <numerusform>Подключено, %n кошельков не прочитано</numerusform>
        </translation>
    </message>
</context>
</TS>
