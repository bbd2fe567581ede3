<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Account</name>
    <message>
        <source>Sponsor number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone (caller)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account name must be 1 to 64 letters, digits, spaces, dots, @ or dashes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appid is missing. Copy it from the OneNET console (voice service, application).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appid must be at most 32 letters or digits, as shown in the OneNET console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user id is missing. Copy it from the OneNET console (account details).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user id must be at most 64 letters or digits, as shown in the OneNET console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sponsor number is missing: it is the service number OneNET issued to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers may have at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own phone number (caller) is missing: OneNET rings it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The display number must be either the sponsor number or your own (caller) number; OneNET refuses any other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint must be an https:// address (plain http:// only to this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The status callback address must be a full http:// or https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The status callback address may have at most 512 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token lifetime must be between 60 seconds and 7 days.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Could not remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneDial cannot describe its own location to the desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows did not let OneDial change its start-up setting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallRecord</name>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed, no call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>OneDial %1: click-to-dial for the OneNET voice service.

Usage:
  onedial                          open the window
  onedial dial NUMBER [--account NAME] [--json] [--timeout SECONDS] [--sandbox]
  onedial account add NAME (--api v1 --appid ID | --api v2 --userid ID) --sponsor N --caller N
                      [--display N] [--method md5|sha1|sha256] [--endpoint URL] [--notify-url URL]
  onedial account list [--json] | remove NAME | default NAME
  onedial contacts add NAME NUMBER... [--company C] [--notes TEXT] [--favourite]
  onedial contacts list [--search TEXT] [--json]
  onedial history [FILTER] [--json] [--limit N]
  onedial token --res RES --et ET --method M --version V
  onedial --version | --help

Access keys are read from standard input and kept in the system keychain.
Try everything without an account: onedial dial 13800138000 --sandbox

Exit status: 0 accepted, 1 refused by the service, 2 nothing sent, 3 outcome unknown or
transport failure, 4 keychain unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactStore</name>
    <message>
        <source>Give the contact a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is listed twice for this contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact without a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact no longer exists; it may have been removed in another window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact has this number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>OneDial cannot open its contacts and history file %1. Check that the file and its folder exist and that you may read them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneDial cannot write to its contacts and history file %1. Check the permissions of the file and its folder; the file was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contacts and history file %1 is damaged or is not a OneDial file. It was left as it is: move it elsewhere to start afresh, or restore a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contacts and history file %1 was written by a newer version of OneDial. Update OneDial to use it; the file was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full, so the last change was not saved. Everything saved before is kept. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contacts and history file %1 is in use by another program. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contacts and history file %1 could not be read or written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneDial cannot write in the folder %1, where its contacts and history are kept. Check the folder&apos;s permissions; nothing in it was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DialRequest</name>
    <message>
        <source>Refusing to send the call over an unencrypted connection to %1. Use an https:// endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; cannot dial yet: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuiApp</name>
    <message>
        <source>Dial the built-in OneNET simulator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start without showing the window (as at login).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit as soon as the window has been shown and painted once (for measuring start-up).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tel: or callto: link to dial, such as tel:+86-138-0013-8000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneDial is already running but did not answer. If it is stuck, end it and start OneDial again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <source>This call is no longer in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call in the history has this call id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call in the history has the call id %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <source>Enter a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number. Use digits, optionally with spaces, dashes or a leading +86.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has too few digits. A mobile number has 11 digits; a landline needs its area code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has too many digits. Check the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a number in use in China. Check the digits and, for a landline, the area code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Chinese number. OneNET click-to-dial calls numbers in mainland China only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a service or special number. OneNET click-to-dial calls mobile and landline numbers only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplyParser</name>
    <message>
        <source>The server turned the request away (HTTP %1) without a OneNET answer. No call was placed. Check the account&apos;s endpoint address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service answered with an error page (HTTP %1) instead of a OneNET answer. The call may or may not have been placed: check your phone before dialling again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service&apos;s answer could not be read. The call may or may not have been placed: check your phone before dialling again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET refused the authorization. Check that the access key belongs to this account, that the signing method matches the console, and that this computer&apos;s clock is right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultCatalogue</name>
    <message>
        <source>Call accepted. Your phone will ring first; answer it to be connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OneNET service is busy. No call was placed. Wait a minute, then dial again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OneNET service had an internal error. No call was placed. Wait a minute, then dial again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET did not recognise this account. Check the appid in the account settings against the OneNET console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET refused the numbers in the request. Check the called number and the account&apos;s sponsor and caller numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET refused the request&apos;s parameters. Check the account settings; if they are right, report this to OneDial&apos;s maintainers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A required field was empty. Fill in the account&apos;s sponsor and caller numbers and dial again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET could not read the request. This is a fault in OneDial: please report it with the details below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request carried no authorization. This is a fault in OneDial: please report it with the details below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET refused the authorization. Check that the access key belongs to this account, that the signing method matches the console, and that this computer&apos;s clock is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET does not know this call id. No action is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET refused a number&apos;s format. Check the called number, and the sponsor and caller numbers in the account settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sponsor or display number does not match what OneNET issued to this account. Correct it in the account settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click-to-dial is not opened for this account. Ask your OneNET administrator or China Mobile to open the voice service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click-to-dial has been closed for this account. Ask your OneNET administrator or China Mobile to reopen it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET reported invalid paging parameters, which a dial does not send. Please report this to OneDial&apos;s maintainers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET reported that the record already exists. No call was placed; dial again if you still need to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET found no matching records. Check the account settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET reported a missing file, which a dial does not use. Please report this to OneDial&apos;s maintainers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET could not read a date in the request. Check this computer&apos;s date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET does not know this user id. Check the user id in the account settings against the OneNET console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET reported that this user id already exists. Check the account settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trial account&apos;s free calls are used up. Upgrade the OneNET account to keep dialling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s internet address is not on the account&apos;s IP whitelist. Add it in the OneNET console, or dial from the whitelisted network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account has reached its talk-time limit. Ask your OneNET administrator to raise it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voice service subscription failed. Ask your OneNET administrator to check the subscription.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No test account has been applied for. Apply for one in the OneNET console, or use a full account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test account is no longer valid. Apply for a new one or switch to a full account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET refused the call with code %1, which OneDial does not know (%2). No call was placed. Report the code to your OneNET administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TelUri</name>
    <message>
        <source>The link holds no phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link is too long to be a phone number (more than %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneDial opens tel: and callto: links only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link contains control or invisible characters, which a phone number never has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link&apos;s percent-encoding is broken: each % must be followed by two hexadecimal digits, and the result must be UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link has a query (?…) or fragment (#…) part, which a tel: link never has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link does not hold a phone number. Only the digits 0 to 9, a leading +, spaces, dashes, dots and parentheses are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link holds more than one number. OneDial dials one number per link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link&apos;s parameters (after &quot;;&quot;) are malformed, repeated, or contradict the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number is local to %1, a private network that OneNET cannot reach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link also asks for extension %1. OneNET cannot dial extensions: ask for %1 once you are connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link marks the number as local to %1; OneDial dials it as a number in China.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UrlSchemeRegistration</name>
    <message>
        <source>OneDial cannot describe its own location to the desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneDial is now offered for tel: and callto: links. To make it the default, choose it in your desktop&apos;s Default Applications settings (xdg-mime, from xdg-utils, could not do it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneDial now opens tel: and callto: links.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneDial no longer opens tel: and callto: links.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>macOS offers OneDial for tel: and callto: links by itself. To make it the default, choose it in FaceTime &gt; Settings &gt; Default for calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On macOS, choose another app in FaceTime &gt; Settings &gt; Default for calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click-to-dial for the OneNET voice service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows did not let OneDial write its link settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneDial is registered for tel: and callto: links. Windows asks you to confirm the choice: Settings &gt; Apps &gt; Default apps &gt; OneDial.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::AccountCommand</name>
    <message>
        <source>Usage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access key is read from standard input and kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown account command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an account, or replace the one with the same name. The access key is read from standard input (not shown as you type) and stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name for the account, such as &quot;sales&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API generation: v1 (appid) or v2 (userid).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The v1 application id from the OneNET console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The v2 user id from the OneNET console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service number OneNET issued to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own phone, which rings first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number the called person sees: the sponsor or the caller number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token signing method (default sha256).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service base URL (default: OneNET&apos;s own).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where OneNET should send the call&apos;s progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds each token stays valid (default %1); longer tolerates a drifting clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give exactly one account name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--api must be v1 or v2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--userid belongs to --api v2; a v1 account takes --appid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--appid belongs to --api v1; a v2 account takes --userid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--method must be md5, sha1 or sha256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read; it was left as it is. Fix or move it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access key was given. Pipe it in or type it when asked; it is never taken from the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a OneNET access key: it must be the base64 text shown in the OneNET console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account could not be written to %1. Check that the folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; updated; its access key is in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; added; its access key is in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the accounts. Access keys are never shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a JSON array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read; it was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts. Add one with: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2  %3 %4  sponsor %5  caller %6  %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove an account and its access key from the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account named &quot;%1&quot;. See: onedial account list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; was kept so that its key can be removed later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account could not be removed from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; and its access key were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make an account the one used when none is named.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account to use by default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is now the default account.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::AccountDialog</name>
    <message>
        <source>Welcome to OneDial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your OneNET click-to-dial account as shown in the OneNET console. The access key is kept in the system keychain, never in a file. No account yet? Try the sandbox: a simulated OneNET on this computer that places no calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the account as shown in the OneNET console. The access key is kept in the system keychain, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the account&apos;s settings. Leave the access key empty to keep the stored one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access key is stored for &quot;%1&quot;. Enter it to dial; it is kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v1: appid (voice.heclouds.com)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v2: user id (openapi.heclouds.com)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;API:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application or user id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sponsor number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sponsor number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service number OneNET issued, such as 0755 2800 0003</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Your phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone number (caller)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rings first, such as 138 0013 8000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number the called person sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Shown to callee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token signing method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing &amp;method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status &amp;callback:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status callback address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: where OneNET sends the call&apos;s progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the keychain; type a new key to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base64 text from the OneNET console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App&amp;id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User &amp;id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>32 characters, from the OneNET console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your OneNET user id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sponsor number (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sponsor number, %1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My own number (caller; must be whitelisted by OneNET)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My own number, %1 (must be whitelisted by OneNET)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account named &quot;%1&quot; exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the access key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a OneNET access key: it is base64 text, as shown in the OneNET console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key is kept for this session only (no keychain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key is stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key is stored yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can keep the key for this session only: OneDial holds it in memory until it quits, and asks for it again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 could not be written. Check that its folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::AccountsDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make default account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— key for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the account &quot;%1&quot; and its access key from the keychain? The call history stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was kept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::Command</name>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::ContactDialog</name>
    <message>
        <source>&amp;Favourite (listed first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact was not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::ContactModel</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::ContactsCommand</name>
    <message>
        <source>Usage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown contacts command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a contact with one or more numbers. Every number is checked the way a dial checks it; if one cannot be dialled, nothing is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact&apos;s name, such as 张三.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number as you would write it: 138 0013 8000, (0755) 2800 0003.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact&apos;s company.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes about the contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the contact among the favourites, at the top.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a name and at least one number, for example: onedial contacts add 张三 13800138000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact &quot;%1&quot; added: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the contacts, favourites first, then by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only contacts matching this, as the window&apos;s search field matches: name, company, any spelling of a number, pinyin or its initials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contacts. Add one with: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::CredentialStore</name>
    <message>
        <source>Windows Credential Manager could not be used. Sign in to Windows with your own user account and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The macOS Keychain refused access. Unlock the login keychain in Keychain Access and allow OneDial to use it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service is running. OneDial keeps access keys only in a keychain: start GNOME Keyring (package gnome-keyring) or KWallet in your desktop session, and unlock it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access key is stored for the account &quot;%1&quot;. Enter it in the account settings (or with: onedial account add).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the keychain was refused, so the access key for &quot;%1&quot; could not be used. Unlock the keychain and allow OneDial, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::DialClient</name>
    <message>
        <source>A call to %1 is already being placed. Wait for its result before dialling again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored access key for &quot;%1&quot; is not a valid OneNET key (it must be base64 text, as shown in the OneNET console). Enter the key again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call may or may not have been placed: check your phone before dialling again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No answer from the service within %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The service&apos;s answer was larger than %1 KiB and was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1: the connection was refused. No call was placed. Check the account&apos;s endpoint and your network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not find the server %1. No call was placed. Check your internet connection and the account&apos;s endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 could not be verified (%2). No call was placed. Check the computer&apos;s date and time, and whether a proxy or firewall intercepts secure connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 closed before the service answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network failed while the call was being placed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service&apos;s answer was cut off (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) off the service&apos;s clock; correct the date and time settings, then dial again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onedial::DialCommand</name>
    <message>
        <source>Place one click-to-dial call: OneNET rings your phone, then connects the number you give.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number to call, as you would write it: 138 0013 8000, +86 138-0013-8000, (0755) 2800 0003.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this account instead of the default one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the outcome as one JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait for the service&apos;s answer (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial the built-in OneNET simulator instead of the real service. No call is placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the number to call, for example: onedial dial 13800138000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give exactly one number to call. Put quotes around a number with spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout takes a whole number of seconds from 1 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox could not start: no free port on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read. Fix or move it, then add the account again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account named &quot;%1&quot;. See: onedial account list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account is set up. Add one with: onedial account add NAME --api v1 --appid ID --sponsor NUMBER --caller NUMBER (or try: onedial dial %1 --sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several accounts are set up and none is the default. Choose one with --account NAME, or set a default with: onedial account default NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; cannot dial yet: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call was not saved in the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted: calling %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by OneNET: no call to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: no call was placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: no call was placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome unknown for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Service message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Call id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Request id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  HTTP status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Detail: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::DialController</name>
    <message>
        <source>The file %1 could not be renamed. Move it away yourself, then start OneDial again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox, API v1 (no real calls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox, API v2 (no real calls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account is chosen. Add one in Accounts &gt; Manage accounts, or try the sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::HistoryCommand</name>
    <message>
        <source>List the calls made from this computer, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only calls whose name, number, account, ids or messages contain this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print at most N calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at most one filter. Put quotes around a filter with spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit takes a whole number from 1 up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2  %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  call_id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  request_id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  reason %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::HistoryModel</name>
    <message>
        <source>Time (UTC): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration: %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::HistoryPanel</name>
    <message>
        <source>&amp;Redial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, number, code or message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter call history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redial the selected call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected call&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::InFlightProxyModel</name>
    <message>
        <source>Calling now: wait for the outcome before dialling again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::IntegrationSettingsDialog</name>
    <message>
        <source>&amp;Ask before dialling a link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open tel: and callto: links with OneDial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start OneDial when I log in (without showing the window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links and start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tel: and callto: links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any web page or program can open a link. Dial links without asking only if you trust all of them: each call is billed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneDial could not write its settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links not registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start-up not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This copy of OneDial is registered for tel: and callto: links.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This copy of OneDial is not registered for links yet (an installed OneDial may be).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::LinkConfirmDialog</name>
    <message>
        <source>&amp;Dial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A link asks OneDial to call:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to OneNET as %1. Your phone rings first; answer it to be connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::LinkHandler</name>
    <message>
        <source>Link not dialled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::MainWindow</name>
    <message>
        <source>&amp;Dial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the file aside and start an empty one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneDial (sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneDial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search name, company, number or pinyin (Ctrl+F), then Enter to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or any number, such as 138 0013 8000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the unusable database aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started an empty contact list. The old file is kept as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as &amp;favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manage accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Links and start-up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About OneDial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About OneDial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneDial %1
Click-to-dial for the OneNET voice service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts and history are unavailable until this is fixed; dialling a number still works, and the file was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account is set up yet. Add one in Accounts &gt; Manage accounts, or choose Accounts &gt; Try the sandbox to try OneDial without an account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox: a simulated OneNET on this computer. Try 138 0013 8000 (accepted), 138 0000 0101 to 0114 (each v1 error code), 138 0000 0201 to 0223 (each v2 error), 138 0000 0901 (no answer) or 138 0000 0902 (error page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available, so the access key for %1 is kept in memory only. OneDial will ask for it again the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no number to call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is being called already. Wait for the outcome before dialling again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact was not deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::NumberChoiceDialog</name>
    <message>
        <source>Call %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has several numbers. Which one?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::StatusModel</name>
    <message>
        <source>Calling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: no call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the request to OneNET…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::StatusPanel</name>
    <message>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a call to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy call details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls this session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>onedial::TokenCommand</name>
    <message>
        <source>Print the Authorization header value for the given fields. The access key is read from standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource, such as onenet_voice/APPID or userid/ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry time, Unix seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>md5, sha1 or sha256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token version, such as v1 or 2020-05-29.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--res is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--version is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--et must be a Unix time in seconds, such as 1672735919.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--et looks like milliseconds; OneNET expects seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--method must be md5, sha1 or sha256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a OneNET access key: it must be base64 text, given on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
