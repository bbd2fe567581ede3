<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>GatewayReply</name>
    <message numerus="yes">
        <source>in %n second(s)</source>
        <translation>
            <numerusform>in %n second</numerusform>
            <numerusform>in %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in about %n minute(s)</source>
        <translation>
            <numerusform>in about %n minute</numerusform>
            <numerusform>in about %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in about %n hour(s)</source>
        <translation>
            <numerusform>in about %n hour</numerusform>
            <numerusform>in about %n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onedial::ContactFileCommand</name>
    <message numerus="yes">
        <source>Exported %n contact(s) to %1.</source>
        <translation>
            <numerusform>Exported %n contact to %1.</numerusform>
            <numerusform>Exported %n contacts to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onedial::DialClient</name>
    <message numerus="yes">
        <source>No answer from the service within %n second(s).</source>
        <translation>
            <numerusform>No answer from the service within %n second.</numerusform>
            <numerusform>No answer from the service within %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) off the service&apos;s clock; correct the date and time settings, then dial again.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute off the service&apos;s clock; correct the date and time settings, then dial again.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes off the service&apos;s clock; correct the date and time settings, then dial again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onedial::ImportDialog</name>
    <message numerus="yes">
        <source>%n new contact(s)</source>
        <translation>
            <numerusform>%n new contact</numerusform>
            <numerusform>%n new contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) merged into existing contacts</source>
        <translation>
            <numerusform>%n row merged into existing contacts</numerusform>
            <numerusform>%n rows merged into existing contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onedial::LinkHandler</name>
    <message numerus="yes">
        <source>%n links were not dialled. The last one: %1</source>
        <translation>
            <numerusform>%n link was not dialled: %1</numerusform>
            <numerusform>%n links were not dialled. The last one: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onedial::MainWindow</name>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The last call to %1, %n minute(s) ago, may have been placed: its outcome is unknown. Check your phone first. Dial %1 again?</source>
        <translation>
            <numerusform>The last call to %1, %n minute ago, may have been placed: its outcome is unknown. Check your phone first. Dial %1 again?</numerusform>
            <numerusform>The last call to %1, %n minutes ago, may have been placed: its outcome is unknown. Check your phone first. Dial %1 again?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onedial::QuickDialPopup</name>
    <message numerus="yes">
        <source>%n numbers in the selected text: Up and Down to choose, Enter to call.</source>
        <translation>
            <numerusform>%n number in the selected text: Enter to call.</numerusform>
            <numerusform>%n numbers in the selected text: Up and Down to choose, Enter to call.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onedial::StatusPanel</name>
    <message numerus="yes">
        <source>Dials this session (%n)</source>
        <translation>
            <numerusform>Dials this session (%n)</numerusform>
            <numerusform>Dials this session (%n)</numerusform>
        </translation>
    </message>
</context>
</TS>
