<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ErrorDetails</name>
    <message numerus="yes">
        <source>Happened %n times since {0}</source>
        <translation>
            <numerusform>Happened %n time since {0}</numerusform>
            <numerusform>Happened %n times since {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n row(s) written to {0}.</source>
        <translation>
            <numerusform>%n row written to {0}.</numerusform>
            <numerusform>%n rows written to {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n more)</numerusform>
            <numerusform> (+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsIndicator</name>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatementsPanel</name>
    <message numerus="yes">
        <source>%n transaction(s) shown; loading older ones…</source>
        <translation>
            <numerusform>%n transaction shown; loading older ones…</numerusform>
            <numerusform>%n transactions shown; loading older ones…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s) shown; scroll down for older ones.</source>
        <translation>
            <numerusform>%n transaction shown; scroll down for older ones.</numerusform>
            <numerusform>%n transactions shown; scroll down for older ones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s), all shown.</source>
        <translation>
            <numerusform>%n transaction, all shown.</numerusform>
            <numerusform>%n transactions, all shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_FailedWallets</name>
    <message numerus="yes">
        <source>Connected, %n wallets failed</source>
        <translation>
            <numerusform>Connected, %n wallet failed</numerusform>
            <numerusform>Connected, %n wallets failed</numerusform>
        </translation>
    </message>
</context>
</TS>
