<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%n missed day(s)</source>
        <translation>
            <numerusform>%n missed day</numerusform>
            <numerusform>%n missed days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n daily flower(s)</source>
        <translation>
            <numerusform>%n daily flower</numerusform>
            <numerusform>%n daily flowers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prediction(s)</source>
        <translation>
            <numerusform>%n prediction</numerusform>
            <numerusform>%n predictions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n imported flower(s)</source>
        <translation>
            <numerusform>%n imported flower</numerusform>
            <numerusform>%n imported flowers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln bundled flower(s)</source>
        <translation>
            <numerusform>%Ln bundled flower</numerusform>
            <numerusform>%Ln bundled flowers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln flower(s)</source>
        <translation>
            <numerusform>%Ln flower</numerusform>
            <numerusform>%Ln flowers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln prediction(s)</source>
        <translation>
            <numerusform>%Ln prediction</numerusform>
            <numerusform>%Ln predictions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln model(s)</source>
        <translation>
            <numerusform>%Ln model</numerusform>
            <numerusform>%Ln models</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prediction(s) added</source>
        <translation>
            <numerusform>%n prediction added</numerusform>
            <numerusform>%n predictions added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prediction(s) removed</source>
        <translation>
            <numerusform>%n prediction removed</numerusform>
            <numerusform>%n predictions removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new daily flower(s)</source>
        <translation>
            <numerusform>%n new daily flower</numerusform>
            <numerusform>%n new daily flowers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flower(s) imported</source>
        <translation>
            <numerusform>%n flower imported</numerusform>
            <numerusform>%n flowers imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bundled flower(s) stored</source>
        <translation>
            <numerusform>%n bundled flower stored</numerusform>
            <numerusform>%n bundled flowers stored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n daily flower(s) removed</source>
        <translation>
            <numerusform>%n daily flower removed</numerusform>
            <numerusform>%n daily flowers removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n import flower(s) removed</source>
        <translation>
            <numerusform>%n import flower removed</numerusform>
            <numerusform>%n import flowers removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backfill flower(s) removed</source>
        <translation>
            <numerusform>%n backfill flower removed</numerusform>
            <numerusform>%n backfill flowers removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln imported flower(s)</source>
        <translation>
            <numerusform>%Ln imported flower</numerusform>
            <numerusform>%Ln imported flowers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n identical flower(s) dropped</source>
        <translation>
            <numerusform>%n identical flower dropped</numerusform>
            <numerusform>%n identical flowers dropped</numerusform>
        </translation>
    </message>
</context>
</TS>
