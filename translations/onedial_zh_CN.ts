<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessKey</name>
    <message>
        <source>Enter the access key.</source>
        <translation>请输入访问密钥。</translation>
    </message>
    <message>
        <source>This is not a OneNET access key: it is base64 text (letters, digits, + and /, sometimes = at the end), as shown in the OneNET console.</source>
        <translation>这不是 OneNET 访问密钥：访问密钥是 base64 文本（字母、数字、+ 和 /，末尾有时带 =），与 OneNET 控制台中显示的一致。</translation>
    </message>
    <message>
        <source>This key is too short. A OneNET access key decodes to %1 to %2 bytes (usually 32, written as 44 characters): copy the whole key from the OneNET console.</source>
        <translation>这个密钥太短。OneNET 访问密钥解码后为 %1 到 %2 字节（通常为 32 字节，写作 44 个字符）：请从 OneNET 控制台复制完整的密钥。</translation>
    </message>
    <message>
        <source>This key is too long. A OneNET access key decodes to %1 to %2 bytes (usually 32, written as 44 characters): copy only the key from the OneNET console.</source>
        <translation>这个密钥太长。OneNET 访问密钥解码后为 %1 到 %2 字节（通常为 32 字节，写作 44 个字符）：请只从 OneNET 控制台复制密钥本身。</translation>
    </message>
    <message>
        <source>Enter the gateway token your administrator gave you.</source>
        <translation>请输入管理员给您的网关令牌。</translation>
    </message>
    <message>
        <source>This looks like a OneNET access key, not a gateway token. A gateway account uses the token your administrator gave you, which starts with odg_.</source>
        <translation>这看起来是 OneNET 访问密钥，而不是网关令牌。网关账号使用管理员给您的令牌，它以 odg_ 开头。</translation>
    </message>
    <message>
        <source>This is not a gateway token: a gateway token starts with odg_ and is %1 characters long. Copy the whole token your administrator gave you.</source>
        <translation>这不是网关令牌：网关令牌以 odg_ 开头，长度为 %1 个字符。请完整复制管理员给您的令牌。</translation>
    </message>
    <message>
        <source>This gateway token has %1 characters instead of %2: copy the whole token your administrator gave you, and nothing else.</source>
        <translation>这个网关令牌有 %1 个字符，而不是 %2 个：请完整复制管理员给您的令牌，不要多也不要少。</translation>
    </message>
    <message>
        <source>This is not a gateway token: after odg_ it has only letters, digits, - and _ (with a _ after the first 8). Copy the token again from what your administrator sent you.</source>
        <translation>这不是网关令牌：odg_ 之后只能有字母、数字、- 和 _（前 8 个字符之后是一个 _）。请从管理员发给您的内容中重新复制令牌。</translation>
    </message>
</context>
<context>
    <name>Account</name>
    <message>
        <source>Sponsor number</source>
        <translation>业务号码</translation>
    </message>
    <message>
        <source>Your phone (caller)</source>
        <translation>您的手机（主叫）</translation>
    </message>
    <message>
        <source>Display number</source>
        <translation>显示号码</translation>
    </message>
    <message>
        <source>The account name must be 1 to 64 letters, digits, spaces, dots, @ or dashes.</source>
        <translation>账号名称须为 1 到 64 个字符，只能包含字母、数字、空格、点、@ 或短横线。</translation>
    </message>
    <message>
        <source>The user id must be at most 64 letters or digits, as shown in the OneNET console.</source>
        <translation>用户 ID 最多为 64 位字母或数字，请按 OneNET 控制台中显示的填写。</translation>
    </message>
    <message>
        <source>The sponsor number is missing: it is the service number OneNET issued to you.</source>
        <translation>缺少业务号码，即 OneNET 分配给您的号码。</translation>
    </message>
    <message>
        <source>Phone numbers may have at most 64 characters.</source>
        <translation>电话号码最多 64 个字符。</translation>
    </message>
    <message>
        <source>Your own phone number (caller) is missing: OneNET rings it first.</source>
        <translation>缺少您本人的手机号（主叫）：OneNET 会先呼叫这个号码。</translation>
    </message>
    <message>
        <source>The display number must be either the sponsor number or your own (caller) number; OneNET refuses any other.</source>
        <translation>显示号码只能是业务号码或您本人的号码（主叫），其他号码会被 OneNET 拒绝。</translation>
    </message>
    <message>
        <source>The endpoint must be an https:// address (plain http:// only to this computer).</source>
        <translation>服务地址必须以 https:// 开头（仅连接本机时可用 http://）。</translation>
    </message>
    <message>
        <source>The status callback address must be a full http:// or https:// address.</source>
        <translation>状态回调地址必须是以 http:// 或 https:// 开头的完整地址。</translation>
    </message>
    <message>
        <source>The status callback address may have at most 512 characters.</source>
        <translation>状态回调地址最多 512 个字符。</translation>
    </message>
    <message>
        <source>The token lifetime must be between 60 seconds and 7 days.</source>
        <translation>令牌有效期须在 60 秒到 7 天之间。</translation>
    </message>
    <message>
        <source>The appid is missing. Copy it from the OneNET console: voice service, your application&apos;s details.</source>
        <translation>缺少 appid。请从 OneNET 控制台复制：语音服务中您的应用详情。</translation>
    </message>
    <message>
        <source>The appid has only the digits 0-9 and the letters a-f; &quot;%1&quot; is not one of them.</source>
        <translation>appid 只包含数字 0-9 和字母 a-f；“%1”不属于其中。</translation>
    </message>
    <message>
        <source>The appid must be exactly %1 characters long; this one has %2. Copy it whole from the OneNET console.</source>
        <translation>appid 必须正好是 %1 个字符；这个有 %2 个。请从 OneNET 控制台完整复制。</translation>
    </message>
    <message>
        <source>The user id is missing. Copy it from the OneNET console: your account&apos;s details.</source>
        <translation>缺少用户 ID。请从 OneNET 控制台复制：您的账号详情。</translation>
    </message>
    <message>
        <source>The gateway address is missing. Your administrator gives it to you with your token, such as https://dial.example.com.</source>
        <translation>缺少网关地址。管理员会连同令牌一起告诉您，例如 https://dial.example.com。</translation>
    </message>
    <message>
        <source>The gateway address must be an https:// address (plain http:// only to this computer).</source>
        <translation>网关地址必须以 https:// 开头（仅连接本机时可用 http://）。</translation>
    </message>
    <message>
        <source>The gateway address is only the server&apos;s address, without ? or # parts.</source>
        <translation>网关地址只填服务器地址，不要带 ? 或 # 之后的部分。</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Could not remove %1.</source>
        <translation>无法删除 %1。</translation>
    </message>
    <message>
        <source>OneDial cannot describe its own location to the desktop.</source>
        <translation>OneDial 无法向桌面环境提供自身的程序路径。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Windows did not let OneDial change its start-up setting.</source>
        <translation>Windows 不允许 OneDial 更改开机启动设置。</translation>
    </message>
</context>
<context>
    <name>BrowserHost</name>
    <message>
        <source>OneDial could not be started. Start it, then click the number again.</source>
        <translation>无法启动 OneDial。请先启动它，然后再次点击号码。</translation>
    </message>
    <message>
        <source>OneDial did not answer. Open its window to see whether the call was placed before you click again.</source>
        <translation>OneDial 没有回应。再次点击之前，请打开其窗口查看呼叫是否已发出。</translation>
    </message>
    <message>
        <source>OneDial did not understand the extension&apos;s request. Update the extension and OneDial.</source>
        <translation>OneDial 无法理解扩展的请求。请更新扩展和 OneDial。</translation>
    </message>
</context>
<context>
    <name>CallProgressWords</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>Calling you: answer your phone</source>
        <translation>正在呼叫你：请接听你的电话</translation>
    </message>
    <message>
        <source>Calling %1</source>
        <translation>正在呼叫%1</translation>
    </message>
    <message>
        <source>Connected with %1</source>
        <translation>已与%1接通</translation>
    </message>
    <message>
        <source>Ended after %1</source>
        <translation>通话结束，时长 %1</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>通话结束</translation>
    </message>
    <message>
        <source>Your phone was busy, so %1 was not called</source>
        <translation>你的电话占线，未呼叫%1</translation>
    </message>
    <message>
        <source>You did not answer your phone, so %1 was not called</source>
        <translation>你没有接听电话，未呼叫%1</translation>
    </message>
    <message>
        <source>Your phone could not be reached, so %1 was not called</source>
        <translation>无法接通你的电话，未呼叫%1</translation>
    </message>
    <message>
        <source>You hung up before %1 answered</source>
        <translation>%1接听前你已挂断</translation>
    </message>
    <message>
        <source>%1&apos;s phone was busy</source>
        <translation>%1的电话占线</translation>
    </message>
    <message>
        <source>%1 did not answer</source>
        <translation>%1未接听</translation>
    </message>
    <message>
        <source>%1&apos;s phone could not be reached (off, out of service or no signal)</source>
        <translation>无法接通%1的电话（关机、停机或无信号）</translation>
    </message>
    <message>
        <source>Ended (OneNET&apos;s reason: %1)</source>
        <translation>通话结束（OneNET 给出的原因：%1）</translation>
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
  onedial account add NAME --gateway URL     (a team&apos;s OneDial gateway; token on stdin)
  onedial account list [--json] | show NAME [--json] | remove NAME | default NAME
  onedial contacts add NAME NUMBER... [--company C] [--notes TEXT] [--favourite]
  onedial contacts list [--search TEXT] [--json]
  onedial contacts import FILE [--format vcf|csv] [--encoding NAME]
                      [--duplicates merge|skip] [--columns ROLE,...] [--dry-run]
  onedial contacts export FILE [--format vcf|csv]
  onedial history [FILTER] [--json] [--limit N]
  onedial token --res RES --et ET --method M --version V
  onedial browser install|remove|status   (the browser extension&apos;s link to OneDial)
  onedial --version | --help

Access keys and gateway tokens are read from standard input and kept in the system keychain.
Try everything without an account: onedial dial 13800138000 --sandbox

Exit status: 0 accepted, 1 refused by the service, 2 nothing sent, 3 outcome unknown or
transport failure, 4 keychain unavailable.</source>
        <translation>OneDial %1：OneNET 语音服务点击拨号工具。

用法：
  onedial                          打开窗口
  onedial dial NUMBER [--account NAME] [--json] [--timeout SECONDS] [--sandbox]
  onedial account add NAME (--api v1 --appid ID | --api v2 --userid ID) --sponsor N --caller N
                      [--display N] [--method md5|sha1|sha256] [--endpoint URL] [--notify-url URL]
  onedial account add NAME --gateway URL     （团队的 OneDial 网关；令牌从标准输入读取）
  onedial account list [--json] | show NAME [--json] | remove NAME | default NAME
  onedial contacts add NAME NUMBER... [--company C] [--notes TEXT] [--favourite]
  onedial contacts list [--search TEXT] [--json]
  onedial contacts import FILE [--format vcf|csv] [--encoding NAME]
                      [--duplicates merge|skip] [--columns ROLE,...] [--dry-run]
  onedial contacts export FILE [--format vcf|csv]
  onedial history [FILTER] [--json] [--limit N]
  onedial token --res RES --et ET --method M --version V
  onedial browser install|remove|status   （浏览器扩展与 OneDial 的连接）
  onedial --version | --help

访问密钥和网关令牌从标准输入读取，并保存在系统钥匙串中。
无需账号即可试用全部功能：onedial dial 13800138000 --sandbox

退出状态：0 已受理，1 被服务拒绝，2 未发送，3 结果未知或传输失败，
4 系统钥匙串不可用。</translation>
    </message>
</context>
<context>
    <name>ContactFile</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB, too large for a contact list.</source>
        <translation>%1 超过 %2 MiB，作为联系人列表文件过大。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an encoding OneDial knows. Try UTF-8 or GB18030 (which also reads GBK and GB2312).</source>
        <translation>OneDial 不支持编码“%1”。请尝试 UTF-8 或 GB18030（也可读取 GBK 和 GB2312 文件）。</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>Say which format to write: name the file .vcf or .csv, or choose the format.</source>
        <translation>请指定导出格式：将文件命名为 .vcf 或 .csv，或直接选择格式。</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ContactImporter</name>
    <message>
        <source>It has no name.</source>
        <translation>没有姓名。</translation>
    </message>
    <message>
        <source>It has no phone number.</source>
        <translation>没有电话号码。</translation>
    </message>
    <message>
        <source>line %1 (%2)</source>
        <translation>第 %1 行（%2）</translation>
    </message>
    <message>
        <source>your contact %1</source>
        <translation>联系人“%1”</translation>
    </message>
    <message>
        <source>%1 Nothing was imported; your contacts are as they were.</source>
        <translation>%1未导入任何联系人，现有联系人保持不变。</translation>
    </message>
    <message>
        <source>Its numbers are already there, in %1.</source>
        <translation>其号码已在%1中。</translation>
    </message>
    <message>
        <source>%1 is already there, in %2.</source>
        <translation>%1 已在%2中。</translation>
    </message>
    <message>
        <source>%1 was changed or removed while the import was being prepared. Look at the preview again.</source>
        <translation>准备导入期间，%1 已被修改或删除。请重新查看预览。</translation>
    </message>
</context>
<context>
    <name>ContactStore</name>
    <message>
        <source>Give the contact a name.</source>
        <translation>请填写联系人姓名。</translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation>姓名过长，最多 %1 个字符。</translation>
    </message>
    <message>
        <source>%1 is listed twice for this contact.</source>
        <translation>该联系人的号码 %1 重复了。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>A contact without a name</source>
        <translation>未命名的联系人</translation>
    </message>
    <message>
        <source>This contact no longer exists; it may have been removed in another window.</source>
        <translation>该联系人已不存在，可能已在其他窗口中删除。</translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation>该联系人已不存在。</translation>
    </message>
    <message>
        <source>No contact has this number.</source>
        <translation>没有联系人使用此号码。</translation>
    </message>
    <message>
        <source>%1: this contact was not checked before it was stored.</source>
        <translation>%1：此联系人在保存前未经检查。</translation>
    </message>
</context>
<context>
    <name>CsvColumns</name>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名字</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>中间名</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓氏</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>Label of the next phone column</source>
        <translation>后一列电话号码的标签</translation>
    </message>
    <message>
        <source>Favourite (yes/no)</source>
        <translation>收藏（是/否）</translation>
    </message>
</context>
<context>
    <name>CsvParser</name>
    <message>
        <source>A quote opened in this row is never closed, so the rest of the file could not be read.</source>
        <translation>此行中的引号没有闭合，文件的其余部分无法读取。</translation>
    </message>
    <message>
        <source>This row has more than %1 columns.</source>
        <translation>此行超过 %1 列。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>OneDial cannot open its contacts and history file %1. Check that the file and its folder exist and that you may read them.</source>
        <translation>OneDial 无法打开联系人和通话记录文件 %1。请确认该文件及其所在文件夹存在，并且您有读取权限。</translation>
    </message>
    <message>
        <source>OneDial cannot write to its contacts and history file %1. Check the permissions of the file and its folder; the file was left as it is.</source>
        <translation>OneDial 无法写入联系人和通话记录文件 %1。请检查该文件及其所在文件夹的权限；文件未做任何改动。</translation>
    </message>
    <message>
        <source>The contacts and history file %1 is damaged or is not a OneDial file. It was left as it is: move it elsewhere to start afresh, or restore a backup.</source>
        <translation>联系人和通话记录文件 %1 已损坏，或不是 OneDial 的文件。文件未做任何改动：将它移到别处即可重新开始，也可以从备份恢复。</translation>
    </message>
    <message>
        <source>The contacts and history file %1 was written by a newer version of OneDial. Update OneDial to use it; the file was left as it is.</source>
        <translation>联系人和通话记录文件 %1 由更新版本的 OneDial 创建。请升级 OneDial 后再使用；文件未做任何改动。</translation>
    </message>
    <message>
        <source>The disk is full, so the last change was not saved. Everything saved before is kept. Free some space and try again.</source>
        <translation>磁盘已满，最近一次更改未能保存，之前保存的内容均完好。请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>The contacts and history file %1 is in use by another program. Try again in a moment.</source>
        <translation>联系人和通话记录文件 %1 正被其他程序占用，请稍后重试。</translation>
    </message>
    <message>
        <source>The contacts and history file %1 could not be read or written.</source>
        <translation>无法读写联系人和通话记录文件 %1。</translation>
    </message>
    <message>
        <source>OneDial cannot write in the folder %1, where its contacts and history are kept. Check the folder&apos;s permissions; nothing in it was changed.</source>
        <translation>OneDial 无法写入存放联系人和通话记录的文件夹 %1。请检查该文件夹的权限；其中的内容未做任何改动。</translation>
    </message>
    <message>
        <source>The file %1 could not be renamed. Move it away yourself, then start OneDial again.</source>
        <translation>无法重命名文件 %1。请手动将它移走，然后重新启动 OneDial。</translation>
    </message>
    <message>
        <source>The database %1 cannot be reached just now, so nothing was written. OneDial tries again by itself.</source>
        <translation>暂时无法连接数据库 %1，因此没有写入任何内容。OneDial 会自动重试连接。</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver is not installed (on Debian and Ubuntu: the package libqt6sql6-psql).</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（Debian 和 Ubuntu 上为软件包 libqt6sql6-psql）。</translation>
    </message>
</context>
<context>
    <name>DialOutcome</name>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Refused (%1)</source>
        <translation>被拒绝（%1）</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Failed, no call</source>
        <translation>失败，未发起呼叫</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>结果未知</translation>
    </message>
</context>
<context>
    <name>DialRequest</name>
    <message>
        <source>Refusing to send the call over an unencrypted connection to %1. Use an https:// endpoint.</source>
        <translation>不会通过未加密的连接向 %1 发送呼叫请求。请使用 https:// 服务地址。</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; cannot dial yet: %2</source>
        <translation>账号“%1”暂时无法拨号：%2</translation>
    </message>
</context>
<context>
    <name>GatewayReply</name>
    <message>
        <source>The server at the gateway address turned the request away (HTTP %1) without an answer OneDial can read. No call was placed. Check the gateway address in the account settings.</source>
        <translation>网关地址上的服务器拒绝了请求（HTTP %1），没有给出 OneDial 能读懂的应答。未发起呼叫。请检查账号设置中的网关地址。</translation>
    </message>
    <message>
        <source>Your team&apos;s gateway answered with an error page (HTTP %1) instead of the call&apos;s outcome.</source>
        <translation>团队网关返回了错误页面（HTTP %1），而不是呼叫结果。</translation>
    </message>
    <message>
        <source>Your team&apos;s gateway&apos;s answer could not be read.</source>
        <translation>无法读取团队网关的应答。</translation>
    </message>
    <message numerus="yes">
        <source>in %n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in about %n minute(s)</source>
        <translation>
            <numerusform>约 %n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in about %n hour(s)</source>
        <translation>
            <numerusform>约 %n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>Your team&apos;s gateway did not accept your token: it may have been replaced, or your membership removed. No call was placed. Ask your administrator for a new token and enter it in the account settings.</source>
        <translation>团队网关不接受您的令牌：令牌可能已被更换，或您已被移出团队。未发起呼叫。请向管理员索取新令牌，并在账号设置中输入。</translation>
    </message>
    <message>
        <source>Your administrator has turned off your calls on your team&apos;s gateway. No call was placed. Ask your administrator to turn them on again.</source>
        <translation>管理员已在团队网关上停用了您的呼叫。未发起呼叫。请联系管理员重新启用。</translation>
    </message>
    <message>
        <source>You have placed all the calls your team allows you per day. No call was placed.</source>
        <translation>您今天的呼叫次数已达到团队规定的每日上限。未发起呼叫。</translation>
    </message>
    <message>
        <source>The limit resets %1.</source>
        <translation>上限将于%1后重置。</translation>
    </message>
    <message>
        <source>The limit resets at midnight, the gateway&apos;s time.</source>
        <translation>上限将在网关所在时区的午夜重置。</translation>
    </message>
    <message>
        <source>Your team&apos;s gateway has stopped listening to this computer&apos;s network address for a while, after too many attempts with a wrong token. No call was placed.</source>
        <translation>由于使用错误令牌的尝试次数过多，团队网关暂时不再接受来自本机网络地址的请求。未发起呼叫。</translation>
    </message>
    <message>
        <source>Try again %1; if it happens again, check the token in the account settings.</source>
        <translation>请在%1后重试；如果再次出现，请检查账号设置中的令牌。</translation>
    </message>
    <message>
        <source>Try again in a minute; if it happens again, check the token in the account settings.</source>
        <translation>请一分钟后重试；如果再次出现，请检查账号设置中的令牌。</translation>
    </message>
    <message>
        <source>Your team&apos;s gateway refused a request that named a caller or display number: members always call from their own phone, as the administrator set it. No call was placed.</source>
        <translation>团队网关拒绝了指定主叫或显示号码的请求：成员始终从管理员设定的本人手机呼出。未发起呼叫。</translation>
    </message>
    <message>
        <source>Your call to this number is already being placed through your team&apos;s gateway (perhaps from another computer). Wait for its outcome before dialling again.</source>
        <translation>您对这个号码的呼叫正在通过团队网关发起（可能来自另一台电脑）。请等待结果后再拨。</translation>
    </message>
    <message>
        <source>Your team&apos;s gateway cannot dial this number. No call was placed. Check the number.</source>
        <translation>团队网关无法拨打这个号码。未发起呼叫。请检查号码。</translation>
    </message>
    <message>
        <source>Your team&apos;s gateway has no OneNET account set up yet, so it cannot place calls. No call was placed. Tell your administrator.</source>
        <translation>团队网关尚未设置 OneNET 账号，无法发起呼叫。未发起呼叫。请告知管理员。</translation>
    </message>
    <message>
        <source>Your team&apos;s gateway cannot use its database just now. No call was placed. Try again in a few minutes; if it keeps happening, tell your administrator.</source>
        <translation>团队网关目前无法使用其数据库。未发起呼叫。请几分钟后重试；如果问题持续，请告知管理员。</translation>
    </message>
    <message>
        <source>The request reached your team&apos;s gateway too slowly and was dropped. No call was placed. Check your network, then try again.</source>
        <translation>请求到达团队网关过慢，已被丢弃。未发起呼叫。请检查网络后重试。</translation>
    </message>
    <message>
        <source>The server at the gateway address has no dial route (%1): the address is probably not your team&apos;s gateway. No call was placed. Check the gateway address in the account settings.</source>
        <translation>网关地址上的服务器没有拨号接口（%1）：这个地址可能不是团队网关。未发起呼叫。请检查账号设置中的网关地址。</translation>
    </message>
    <message>
        <source>Your team&apos;s gateway could not take OneDial&apos;s request (%1). No call was placed. Tell your administrator; a proxy between you and the gateway may be changing requests.</source>
        <translation>团队网关无法接受 OneDial 的请求（%1）。未发起呼叫。请告知管理员；您与网关之间的代理可能改动了请求。</translation>
    </message>
    <message>
        <source>Your team&apos;s gateway refused the call (%1). No call was placed. If it keeps happening, tell your administrator.</source>
        <translation>团队网关拒绝了本次呼叫（%1）。未发起呼叫。如果问题持续，请告知管理员。</translation>
    </message>
    <message>
        <source>Your team&apos;s gateway could not reach OneNET (%1). No call was placed. Try again in a moment; if it keeps happening, tell your administrator.</source>
        <translation>团队网关无法连接 OneNET（%1）。未发起呼叫。请稍后重试；如果问题持续，请告知管理员。</translation>
    </message>
    <message>
        <source>Your team&apos;s gateway sent the call to OneNET but got no usable answer (%1).</source>
        <translation>团队网关已将呼叫发送给 OneNET，但没有收到可用的应答（%1）。</translation>
    </message>
</context>
<context>
    <name>GlobalShortcut</name>
    <message>
        <source>This desktop offers no global shortcut to programs. Quick dial is in the tray&apos;s menu.</source>
        <translation>此桌面不向程序提供全局快捷键。快速拨号仍在托盘菜单中。</translation>
    </message>
    <message>
        <source>This Wayland desktop offers programs no global shortcuts (its desktop portal has none). Quick dial is in the tray&apos;s menu; on an X11 session the shortcut works.</source>
        <translation>此 Wayland 桌面不向程序提供全局快捷键（其桌面门户没有此功能）。快速拨号仍在托盘菜单中；在 X11 会话中快捷键可用。</translation>
    </message>
    <message>
        <source>Dial the selected phone number with OneDial</source>
        <translation>用 OneDial 拨打选中的电话号码</translation>
    </message>
</context>
<context>
    <name>GuiApp</name>
    <message>
        <source>Dial the built-in OneNET simulator.</source>
        <translation>使用内置的 OneNET 模拟器（沙盒）拨号。</translation>
    </message>
    <message>
        <source>Start without showing the window (as at login).</source>
        <translation>启动时不显示窗口（与登录时自动启动相同）。</translation>
    </message>
    <message>
        <source>Quit as soon as the window has been shown and painted once (for measuring start-up).</source>
        <translation>窗口首次显示并绘制完成后立即退出（用于测量启动耗时）。</translation>
    </message>
    <message>
        <source>A tel: or callto: link to dial, such as tel:+86-138-0013-8000.</source>
        <translation>要拨打的 tel: 或 callto: 链接，例如 tel:+86-138-0013-8000。</translation>
    </message>
    <message>
        <source>OneDial is already running but did not answer. If it is stuck, end it and start OneDial again.</source>
        <translation>OneDial 已在运行，但没有响应。如果它已卡住，请结束该进程，然后重新启动 OneDial。</translation>
    </message>
    <message>
        <source>Settings were damaged</source>
        <translation>设置文件已损坏</translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <source>This call is no longer in the history.</source>
        <translation>通话记录中已没有这次呼叫。</translation>
    </message>
    <message>
        <source>No call in the history has this call id.</source>
        <translation>通话记录中没有此通话 ID。</translation>
    </message>
    <message>
        <source>No call in the history has the call id %1.</source>
        <translation>通话记录中没有通话 ID 为 %1 的呼叫。</translation>
    </message>
</context>
<context>
    <name>NativeMessaging</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>%1 could not be removed</source>
        <translation>无法删除 %1</translation>
    </message>
</context>
<context>
    <name>PhoneLabels</name>
    <message>
        <source>mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>home</source>
        <translation>住宅</translation>
    </message>
    <message>
        <source>fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <source>main</source>
        <translation>总机</translation>
    </message>
    <message>
        <source>pager</source>
        <translation>寻呼机</translation>
    </message>
    <message>
        <source>car</source>
        <translation>车载</translation>
    </message>
    <message>
        <source>assistant</source>
        <translation>助理</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <source>Enter a phone number.</source>
        <translation>请输入电话号码。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number. Use digits, optionally with spaces, dashes or a leading +86.</source>
        <translation>“%1”不是电话号码。请输入数字，可包含空格、短横线，或以 +86 开头。</translation>
    </message>
    <message>
        <source>%1 has too few digits. A mobile number has 11 digits; a landline needs its area code.</source>
        <translation>号码 %1 位数不足。手机号码为 11 位，固定电话需加区号。</translation>
    </message>
    <message>
        <source>%1 has too many digits. Check the number.</source>
        <translation>号码 %1 位数过多，请检查号码。</translation>
    </message>
    <message>
        <source>%1 is not a number in use in China. Check the digits and, for a landline, the area code.</source>
        <translation>%1 不是有效的国内号码。请核对号码，固定电话请核对区号。</translation>
    </message>
    <message>
        <source>%1 is not a Chinese number. OneNET click-to-dial calls numbers in mainland China only.</source>
        <translation>%1 不是中国号码。OneNET 点击拨号只能拨打中国大陆的号码。</translation>
    </message>
    <message>
        <source>%1 is a service or special number. OneNET click-to-dial calls mobile and landline numbers only.</source>
        <translation>%1 是服务号码或特殊号码。OneNET 点击拨号只能拨打手机和固定电话号码。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has letters in it. OneDial never turns letters into digits: type the number in digits only.</source>
        <translation>“%1”中含有字母。OneDial 不会把字母转换成数字：请只用数字输入号码。</translation>
    </message>
    <message>
        <source>%1 has an extension (%2). OneNET click-to-dial cannot dial extensions: remove it, and ask for extension %2 once the call is connected.</source>
        <translation>%1 带有分机号（%2）。OneNET 点击拨号无法拨打分机：请去掉分机号，接通后再请对方转分机 %2。</translation>
    </message>
</context>
<context>
    <name>ReplyParser</name>
    <message>
        <source>The server turned the request away (HTTP %1) without a OneNET answer. No call was placed. Check the account&apos;s endpoint address.</source>
        <translation>服务器拒绝了请求（HTTP %1），未返回 OneNET 应答。未发起呼叫。请检查账号的服务地址。</translation>
    </message>
    <message>
        <source>The service answered with an error page (HTTP %1) instead of a OneNET answer. The call may or may not have been placed: check your phone before dialling again.</source>
        <translation>服务返回了错误页面（HTTP %1），而不是 OneNET 应答。呼叫可能已发起，也可能没有：请先看看您的手机，再决定是否重拨。</translation>
    </message>
    <message>
        <source>The service&apos;s answer could not be read. The call may or may not have been placed: check your phone before dialling again.</source>
        <translation>无法解析服务的应答。呼叫可能已发起，也可能没有：请先看看您的手机，再决定是否重拨。</translation>
    </message>
    <message>
        <source>OneNET refused the authorization. Check that the access key belongs to this account, that the signing method matches the console, and that this computer&apos;s clock is right.</source>
        <translation>鉴权（Authorization）失败。请确认访问密钥属于此账号、签名方式与 OneNET 控制台一致，并且本机时间准确。</translation>
    </message>
</context>
<context>
    <name>ResultCatalogue</name>
    <message>
        <source>Call accepted. Your phone will ring first; answer it to be connected.</source>
        <translation>呼叫已受理。您的手机会先响铃，接听后即可与对方接通。</translation>
    </message>
    <message>
        <source>The OneNET service is busy. No call was placed. Wait a minute, then dial again.</source>
        <translation>OneNET 系统繁忙，请稍后重试。本次未发起呼叫，可等一分钟后再拨。</translation>
    </message>
    <message>
        <source>The OneNET service had an internal error. No call was placed. Wait a minute, then dial again.</source>
        <translation>OneNET 系统异常，本次未发起呼叫。可等一分钟后再拨。</translation>
    </message>
    <message>
        <source>OneNET did not recognise this account. Check the appid in the account settings against the OneNET console.</source>
        <translation>鉴权失败：OneNET 无法识别此账号。请对照 OneNET 控制台，检查账号设置中的 appid。</translation>
    </message>
    <message>
        <source>OneNET refused the numbers in the request. Check the called number and the account&apos;s sponsor and caller numbers.</source>
        <translation>参数错误：OneNET 不接受请求中的号码。请检查被叫号码，以及账号设置中的业务号码和主叫号码。</translation>
    </message>
    <message>
        <source>OneNET refused the request&apos;s parameters. Check the account settings; if they are right, report this to OneDial&apos;s maintainers.</source>
        <translation>请求参数错误。请检查账号设置；如果设置无误，请向 OneDial 维护者反馈此问题。</translation>
    </message>
    <message>
        <source>A required field was empty. Fill in the account&apos;s sponsor and caller numbers and dial again.</source>
        <translation>必填参数为空。请在账号设置中填写业务号码和主叫号码，然后重新拨号。</translation>
    </message>
    <message>
        <source>OneNET could not read the request. This is a fault in OneDial: please report it with the details below.</source>
        <translation>JSON 格式错误：OneNET 无法解析请求。这是 OneDial 的问题，请连同下方详情反馈给 OneDial 维护者。</translation>
    </message>
    <message>
        <source>The request carried no authorization. This is a fault in OneDial: please report it with the details below.</source>
        <translation>Authorization 为空：请求中缺少鉴权信息。这是 OneDial 的问题，请连同下方详情反馈给 OneDial 维护者。</translation>
    </message>
    <message>
        <source>OneNET refused the authorization. Check that the access key belongs to this account, that the signing method matches the console, and that this computer&apos;s clock is right.</source>
        <translation>鉴权（Authorization）失败。请确认访问密钥属于此账号、签名方式与 OneNET 控制台一致，并且本机时间准确。</translation>
    </message>
    <message>
        <source>OneNET does not know this call id. No action is needed.</source>
        <translation>通话 ID 不存在。无需处理。</translation>
    </message>
    <message>
        <source>OneNET refused a number&apos;s format. Check the called number, and the sponsor and caller numbers in the account settings.</source>
        <translation>号码格式错误。请检查被叫号码，以及账号设置中的业务号码和主叫号码。</translation>
    </message>
    <message>
        <source>The sponsor or display number does not match what OneNET issued to this account. Correct it in the account settings.</source>
        <translation>号码不匹配：业务号码或显示号码与 OneNET 分配的不一致，请在账号设置中更正。</translation>
    </message>
    <message>
        <source>Click-to-dial is not opened for this account. Ask your OneNET administrator or China Mobile to open the voice service.</source>
        <translation>业务未开通：此账号尚未开通点击拨号。请联系 OneNET 管理员或中国移动开通语音服务。</translation>
    </message>
    <message>
        <source>Click-to-dial has been closed for this account. Ask your OneNET administrator or China Mobile to reopen it.</source>
        <translation>业务已关闭：此账号的点击拨号已被关闭。请联系 OneNET 管理员或中国移动重新开通。</translation>
    </message>
    <message>
        <source>OneNET reported invalid paging parameters, which a dial does not send. Please report this to OneDial&apos;s maintainers.</source>
        <translation>OneNET 返回“分页参数错误”，但拨号请求并不包含分页参数。请向 OneDial 维护者反馈此问题。</translation>
    </message>
    <message>
        <source>OneNET reported that the record already exists. No call was placed; dial again if you still need to.</source>
        <translation>OneNET 返回“记录已存在”。本次未发起呼叫；如仍需通话，请重新拨号。</translation>
    </message>
    <message>
        <source>OneNET found no matching records. Check the account settings.</source>
        <translation>OneNET 未找到匹配的记录。请检查账号设置。</translation>
    </message>
    <message>
        <source>OneNET reported a missing file, which a dial does not use. Please report this to OneDial&apos;s maintainers.</source>
        <translation>OneNET 返回“文件不存在”，但拨号并不使用文件。请向 OneDial 维护者反馈此问题。</translation>
    </message>
    <message>
        <source>OneNET could not read a date in the request. Check this computer&apos;s date and time.</source>
        <translation>日期解析错误：OneNET 无法解析请求中的日期。请检查本机的日期和时间。</translation>
    </message>
    <message>
        <source>OneNET does not know this user id. Check the user id in the account settings against the OneNET console.</source>
        <translation>用户 ID 不存在。请对照 OneNET 控制台，检查账号设置中的用户 ID。</translation>
    </message>
    <message>
        <source>OneNET reported that this user id already exists. Check the account settings.</source>
        <translation>OneNET 返回“用户 ID 已存在”。请检查账号设置。</translation>
    </message>
    <message>
        <source>The trial account&apos;s free calls are used up. Upgrade the OneNET account to keep dialling.</source>
        <translation>体验次数已用完。请升级 OneNET 账号后继续拨号。</translation>
    </message>
    <message>
        <source>This computer&apos;s internet address is not on the account&apos;s IP whitelist. Add it in the OneNET console, or dial from the whitelisted network.</source>
        <translation>IP 白名单不匹配：本机的公网 IP 不在此账号的白名单中。请在 OneNET 控制台中添加，或在白名单内的网络中拨号。</translation>
    </message>
    <message>
        <source>The account has reached its talk-time limit. Ask your OneNET administrator to raise it.</source>
        <translation>通话时长受限：此账号已达到通话时长上限。请联系 OneNET 管理员提高上限。</translation>
    </message>
    <message>
        <source>The voice service subscription failed. Ask your OneNET administrator to check the subscription.</source>
        <translation>语音服务订购失败。请联系 OneNET 管理员检查订购状态。</translation>
    </message>
    <message>
        <source>No test account has been applied for. Apply for one in the OneNET console, or use a full account.</source>
        <translation>尚未申请测试账号。请在 OneNET 控制台中申请，或使用正式账号。</translation>
    </message>
    <message>
        <source>The test account is no longer valid. Apply for a new one or switch to a full account.</source>
        <translation>测试账号已失效。请重新申请，或改用正式账号。</translation>
    </message>
    <message>
        <source>OneNET refused the call with code %1, which OneDial does not know (%2). No call was placed. Report the code to your OneNET administrator.</source>
        <translation>OneNET 拒绝了此次呼叫，返回码 %1 是 OneDial 无法识别的代码（%2）。本次未发起呼叫。请将此代码告知您的 OneNET 管理员。</translation>
    </message>
</context>
<context>
    <name>SettingsFile</name>
    <message>
        <source>The settings file was damaged and could not be read. It was kept as %1 and OneDial started with empty settings: add your accounts again (their access keys are still in the system keychain).</source>
        <translation>设置文件已损坏，无法读取。原文件已保留为 %1，OneDial 已使用空白设置启动：请重新添加账号（访问密钥仍保存在系统钥匙串中）。</translation>
    </message>
</context>
<context>
    <name>TelUri</name>
    <message>
        <source>The link holds no phone number.</source>
        <translation>链接中没有电话号码。</translation>
    </message>
    <message>
        <source>The link is too long to be a phone number (more than %1 characters).</source>
        <translation>链接过长（超过 %1 个字符），不可能是电话号码。</translation>
    </message>
    <message>
        <source>OneDial opens tel: and callto: links only.</source>
        <translation>OneDial 只能打开 tel: 和 callto: 链接。</translation>
    </message>
    <message>
        <source>The link contains control or invisible characters, which a phone number never has.</source>
        <translation>链接中含有控制字符或不可见字符，电话号码中不会有这些字符。</translation>
    </message>
    <message>
        <source>The link&apos;s percent-encoding is broken: each % must be followed by two hexadecimal digits, and the result must be UTF-8 text.</source>
        <translation>链接的百分号编码有误：每个 % 后面必须是两位十六进制数字，且解码结果必须是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>The link has a query (?…) or fragment (#…) part, which a tel: link never has.</source>
        <translation>链接中含有查询（?…）或片段（#…）部分，tel: 链接不会包含这些内容。</translation>
    </message>
    <message>
        <source>The link does not hold a phone number. Only the digits 0 to 9, a leading +, spaces, dashes, dots and parentheses are allowed.</source>
        <translation>链接中的内容不是电话号码。只允许数字 0–9、开头的 +、空格、短横线、点和括号。</translation>
    </message>
    <message>
        <source>The link holds more than one number. OneDial dials one number per link.</source>
        <translation>链接中包含多个号码。OneDial 每个链接只拨打一个号码。</translation>
    </message>
    <message>
        <source>The link&apos;s parameters (after &quot;;&quot;) are malformed, repeated, or contradict the number.</source>
        <translation>链接参数（“;”之后的部分）格式错误、重复，或与号码矛盾。</translation>
    </message>
    <message>
        <source>The number is local to %1, a private network that OneNET cannot reach.</source>
        <translation>该号码仅在 %1 内有效，这是 OneNET 无法访问的专用网络。</translation>
    </message>
    <message>
        <source>The link marks the number as local to %1; OneDial dials it as a number in China.</source>
        <translation>链接将该号码标记为 %1 的本地号码；OneDial 会将其作为国内号码拨打。</translation>
    </message>
    <message>
        <source>The link asks for %1, extension %2. OneNET click-to-dial cannot dial extensions: dial %1 yourself, and ask for extension %2 once the call is connected.</source>
        <translation>链接要求拨打 %1 转分机 %2。OneNET 点击拨号无法拨打分机：请自行拨打 %1，接通后再请对方转分机 %2。</translation>
    </message>
</context>
<context>
    <name>UrlSchemeRegistration</name>
    <message>
        <source>OneDial cannot describe its own location to the desktop.</source>
        <translation>OneDial 无法向桌面环境提供自身的程序路径。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>OneDial is now offered for tel: and callto: links. To make it the default, choose it in your desktop&apos;s Default Applications settings (xdg-mime, from xdg-utils, could not do it).</source>
        <translation>现在可以用 OneDial 打开 tel: 和 callto: 链接了。如需设为默认，请在桌面环境的“默认应用程序”设置中选择 OneDial（xdg-utils 中的 xdg-mime 未能完成此设置）。</translation>
    </message>
    <message>
        <source>OneDial now opens tel: and callto: links.</source>
        <translation>OneDial 现在会打开 tel: 和 callto: 链接。</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>无法删除 %1。</translation>
    </message>
    <message>
        <source>OneDial no longer opens tel: and callto: links.</source>
        <translation>OneDial 不再打开 tel: 和 callto: 链接。</translation>
    </message>
    <message>
        <source>macOS offers OneDial for tel: and callto: links by itself. To make it the default, choose it in FaceTime &gt; Settings &gt; Default for calls.</source>
        <translation>macOS 会自动将 OneDial 列为可打开 tel: 和 callto: 链接的应用。如需设为默认，请在“FaceTime 通话 &gt; 设置 &gt; 默认通话应用”中选择。</translation>
    </message>
    <message>
        <source>On macOS, choose another app in FaceTime &gt; Settings &gt; Default for calls.</source>
        <translation>在 macOS 上，请在“FaceTime 通话 &gt; 设置 &gt; 默认通话应用”中选择其他应用。</translation>
    </message>
    <message>
        <source>Click-to-dial for the OneNET voice service</source>
        <translation>OneNET 语音服务点击拨号工具</translation>
    </message>
    <message>
        <source>Windows did not let OneDial write its link settings.</source>
        <translation>Windows 不允许 OneDial 写入链接设置。</translation>
    </message>
    <message>
        <source>OneDial is registered for tel: and callto: links. Windows asks you to confirm the choice: Settings &gt; Apps &gt; Default apps &gt; OneDial.</source>
        <translation>OneDial 已注册为 tel: 和 callto: 链接的处理程序。Windows 需要您确认此选择：设置 &gt; 应用 &gt; 默认应用 &gt; OneDial。</translation>
    </message>
</context>
<context>
    <name>VCardReader</name>
    <message>
        <source>Its %1 is longer than %2 KiB; this card was not read.</source>
        <translation>其中的 %1 字段超过 %2 KiB，未读取此名片。</translation>
    </message>
    <message>
        <source>Its %1 has more than %2 parameters; this card was not read.</source>
        <translation>其中的 %1 字段参数超过 %2 个，未读取此名片。</translation>
    </message>
    <message>
        <source>It has more than %1 phone numbers; this card was not read.</source>
        <translation>电话号码超过 %1 个，未读取此名片。</translation>
    </message>
</context>
<context>
    <name>onedial::AccountCommand</name>
    <message>
        <source>Usage:</source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>Unknown account command &quot;%1&quot;.</source>
        <translation>未知的 account 子命令“%1”。</translation>
    </message>
    <message>
        <source>A name for the account, such as &quot;sales&quot;.</source>
        <translation>账号名称，例如“sales”。</translation>
    </message>
    <message>
        <source>API generation: v1 (appid) or v2 (userid).</source>
        <translation>API 版本：v1（appid）或 v2（userid）。</translation>
    </message>
    <message>
        <source>The v1 application id from the OneNET console.</source>
        <translation>OneNET 控制台中的 v1 应用 ID（appid）。</translation>
    </message>
    <message>
        <source>The v2 user id from the OneNET console.</source>
        <translation>OneNET 控制台中的 v2 用户 ID（userid）。</translation>
    </message>
    <message>
        <source>The service number OneNET issued to you.</source>
        <translation>业务号码：OneNET 分配给您的号码。</translation>
    </message>
    <message>
        <source>Your own phone, which rings first.</source>
        <translation>您本人的手机号（主叫），会先响铃。</translation>
    </message>
    <message>
        <source>The number the called person sees: the sponsor or the caller number.</source>
        <translation>对方看到的号码：只能是业务号码或主叫号码。</translation>
    </message>
    <message>
        <source>Token signing method (default sha256).</source>
        <translation>令牌签名方式（默认 sha256）。</translation>
    </message>
    <message>
        <source>Service base URL (default: OneNET&apos;s own).</source>
        <translation>服务地址（默认使用 OneNET 官方地址）。</translation>
    </message>
    <message>
        <source>Where OneNET should send the call&apos;s progress.</source>
        <translation>状态回调地址：OneNET 向此地址推送通话进度。</translation>
    </message>
    <message>
        <source>Seconds each token stays valid (default %1); longer tolerates a drifting clock.</source>
        <translation>令牌有效秒数（默认 %1）；越长越能容忍时钟偏差。</translation>
    </message>
    <message>
        <source>Give exactly one account name.</source>
        <translation>请只提供一个账号名称。</translation>
    </message>
    <message>
        <source>--api must be v1 or v2.</source>
        <translation>--api 只能是 v1 或 v2。</translation>
    </message>
    <message>
        <source>--userid belongs to --api v2; a v1 account takes --appid.</source>
        <translation>--userid 用于 --api v2；v1 账号请使用 --appid。</translation>
    </message>
    <message>
        <source>--appid belongs to --api v1; a v2 account takes --userid.</source>
        <translation>--appid 用于 --api v1；v2 账号请使用 --userid。</translation>
    </message>
    <message>
        <source>--method must be md5, sha1 or sha256.</source>
        <translation>--method 只能是 md5、sha1 或 sha256。</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read; it was left as it is. Fix or move it, then try again.</source>
        <translation>无法读取设置文件 %1，文件未做任何改动。请修复或移走该文件，然后重试。</translation>
    </message>
    <message>
        <source>Access key for %1: </source>
        <translation>%1 的访问密钥：</translation>
    </message>
    <message>
        <source>No access key was given. Pipe it in or type it when asked; it is never taken from the command line.</source>
        <translation>未提供访问密钥。请通过管道传入，或在提示时输入；OneDial 不会从命令行参数读取访问密钥。</translation>
    </message>
    <message>
        <source>The account was not saved.</source>
        <translation>账号未保存。</translation>
    </message>
    <message>
        <source>The account could not be written to %1. Check that the folder is writable.</source>
        <translation>无法将账号写入 %1。请确认该文件夹可写。</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; updated; its access key is in the system keychain.</source>
        <translation>账号“%1”已更新，访问密钥已保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; added; its access key is in the system keychain.</source>
        <translation>账号“%1”已添加，访问密钥已保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>List the accounts. Access keys are never shown.</source>
        <translation>列出账号。不会显示访问密钥。</translation>
    </message>
    <message>
        <source>Print a JSON array.</source>
        <translation>以 JSON 数组输出。</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read; it was left as it is.</source>
        <translation>无法读取设置文件 %1，文件未做任何改动。</translation>
    </message>
    <message>
        <source>No accounts. Add one with: %1</source>
        <translation>还没有账号。添加账号：%1</translation>
    </message>
    <message>
        <source>%1 %2  %3 %4  sponsor %5  caller %6  %7</source>
        <translation>%1 %2  %3 %4  业务号码 %5  主叫 %6  %7</translation>
    </message>
    <message>
        <source>Remove an account and its access key from the system keychain.</source>
        <translation>删除账号，并从系统钥匙串中删除其访问密钥。</translation>
    </message>
    <message>
        <source>The account to remove.</source>
        <translation>要删除的账号。</translation>
    </message>
    <message>
        <source>There is no account named &quot;%1&quot;. See: onedial account list</source>
        <translation>没有名为“%1”的账号。查看现有账号：onedial account list</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; was kept so that its key can be removed later.</source>
        <translation>已保留账号“%1”，以便稍后删除其访问密钥。</translation>
    </message>
    <message>
        <source>The account could not be removed from %1.</source>
        <translation>无法从 %1 中删除该账号。</translation>
    </message>
    <message>
        <source>Make an account the one used when none is named.</source>
        <translation>设置默认账号：未指定账号时使用。</translation>
    </message>
    <message>
        <source>The account to use by default.</source>
        <translation>要设为默认的账号。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is now the default account.</source>
        <translation>“%1”已设为默认账号。</translation>
    </message>
    <message>
        <source>The access key (or a gateway account&apos;s token) is read from standard input and kept in the system keychain.</source>
        <translation>访问密钥（或网关账号的令牌）从标准输入读取，并保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Add an account, or replace the one with the same name. The access key is read from standard input (not shown as you type) and stored in the system keychain. With --gateway, the account places calls through your team&apos;s gateway instead, and the token your administrator gave you is read the same way.</source>
        <translation>添加账号，或替换同名账号。访问密钥从标准输入读取（输入时不显示），并保存在系统钥匙串中。使用 --gateway 时，账号改为通过团队网关呼叫，管理员给您的令牌也以同样方式读取。</translation>
    </message>
    <message>
        <source>Place calls through your team&apos;s OneDial gateway at this address; it decides the OneNET settings, so none of the options above is given.</source>
        <translation>通过此地址上的团队 OneDial 网关呼叫；OneNET 设置由网关决定，因此不需要上面的任何选项。</translation>
    </message>
    <message>
        <source>--%1 does not go with --gateway: the gateway decides the OneNET settings.</source>
        <translation>--%1 不能与 --gateway 一起使用：OneNET 设置由网关决定。</translation>
    </message>
    <message>
        <source>Gateway token for %1: </source>
        <translation>%1 的网关令牌：</translation>
    </message>
    <message>
        <source>No gateway token was given. Pipe it in or type it when asked; it is never taken from the command line.</source>
        <translation>没有提供网关令牌。请通过管道传入，或在提示时输入；令牌不会从命令行参数读取。</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; updated; its gateway token is in the system keychain.</source>
        <translation>账号“%1”已更新，其网关令牌已保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; added; it calls through %2, and its gateway token is in the system keychain.</source>
        <translation>已添加账号“%1”，它通过 %2 呼叫，其网关令牌已保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>%1 %2  gateway %3</source>
        <translation>%1 %2  网关 %3</translation>
    </message>
    <message>
        <source>Show one account&apos;s settings. Its access key or token is never shown.</source>
        <translation>显示一个账号的设置。访问密钥或令牌永远不会显示。</translation>
    </message>
    <message>
        <source>The account to show.</source>
        <translation>要显示的账号。</translation>
    </message>
    <message>
        <source>Print a JSON object.</source>
        <translation>以 JSON 对象输出。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; and its key were removed from OneDial and the keychain.</source>
        <translation>账号“%1”及其密钥已从 OneDial 和钥匙串中删除。</translation>
    </message>
</context>
<context>
    <name>onedial::AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation>编辑账号</translation>
    </message>
    <message>
        <source>Change the account&apos;s settings. Leave the access key empty to keep the stored one.</source>
        <translation>修改账号设置。访问密钥留空则保留已保存的密钥。</translation>
    </message>
    <message>
        <source>Access key needed</source>
        <translation>需要访问密钥</translation>
    </message>
    <message>
        <source>No access key is stored for &quot;%1&quot;. Enter it to dial; it is kept in the system keychain.</source>
        <translation>账号“%1”尚未保存访问密钥。请输入后再拨号；密钥将保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>正在检查钥匙串…</translation>
    </message>
    <message>
        <source>A key is kept for this session only (no keychain).</source>
        <translation>密钥仅在本次会话中保留（没有可用的钥匙串）。</translation>
    </message>
    <message>
        <source>A key is stored in the system keychain.</source>
        <translation>密钥已保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>No key is stored yet.</source>
        <translation>尚未保存密钥。</translation>
    </message>
    <message>
        <source>&amp;Advanced settings</source>
        <translation>高级设置(&amp;A)</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>高级设置</translation>
    </message>
    <message>
        <source>Shows the signing method, the endpoint and the status callback.</source>
        <translation>显示签名方法、服务地址和状态回调。</translation>
    </message>
    <message>
        <source>Change the gateway&apos;s address or your token. Leave the token empty to keep the stored one.</source>
        <translation>修改网关地址或你的令牌。令牌留空则保留已存的令牌。</translation>
    </message>
    <message>
        <source>Gateway token needed</source>
        <translation>需要网关令牌</translation>
    </message>
    <message>
        <source>No gateway token is stored for &quot;%1&quot;. Enter the token your administrator gave you to dial; it is kept in the system keychain.</source>
        <translation>“%1”还没有存网关令牌。请输入管理员给你的令牌后再拨号；令牌保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>A token is kept for this session only (no keychain).</source>
        <translation>令牌只在本次运行期间保存在内存中（没有钥匙串）。</translation>
    </message>
    <message>
        <source>A token is stored in the system keychain.</source>
        <translation>令牌已存于系统钥匙串。</translation>
    </message>
    <message>
        <source>No token is stored yet.</source>
        <translation>还没有存令牌。</translation>
    </message>
</context>
<context>
    <name>onedial::AccountForm</name>
    <message>
        <source>v1: appid (voice.heclouds.com)</source>
        <translation>v1：appid（voice.heclouds.com）</translation>
    </message>
    <message>
        <source>v2: user id (openapi.heclouds.com)</source>
        <translation>v2：用户 ID（openapi.heclouds.com）</translation>
    </message>
    <message>
        <source>API &amp;generation:</source>
        <translation>API 版本(&amp;G)：</translation>
    </message>
    <message>
        <source>API generation</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>Which of OneNET&apos;s two voice APIs your account uses: v1 works with an application&apos;s appid, v2 with the user id of your OneNET account.</source>
        <translation>您的账号使用 OneNET 两代语音 API 中的哪一代：v1 使用应用的 appid，v2 使用 OneNET 账号的用户 ID。</translation>
    </message>
    <message>
        <source>App&amp;id:</source>
        <translation>应用 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>Application or user id</source>
        <translation>应用 ID 或用户 ID</translation>
    </message>
    <message>
        <source>Access &amp;key:</source>
        <translation>访问密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Access key</source>
        <translation>访问密钥</translation>
    </message>
    <message>
        <source>Base64 text from the OneNET console</source>
        <translation>OneNET 控制台中的 Base64 文本</translation>
    </message>
    <message>
        <source>&amp;Sponsor number:</source>
        <translation>业务号码(&amp;S)：</translation>
    </message>
    <message>
        <source>Sponsor number</source>
        <translation>业务号码</translation>
    </message>
    <message>
        <source>The service number OneNET issued, such as 0755 2800 0003</source>
        <translation>OneNET 分配的号码，例如 0755 2800 0003</translation>
    </message>
    <message>
        <source>The service number OneNET issued for your voice service: your phone sees it when OneNET rings you.</source>
        <translation>OneNET 为您的语音服务分配的业务号码：OneNET 呼叫您时，您的手机上显示的就是它。</translation>
    </message>
    <message>
        <source>&amp;Your phone:</source>
        <translation>您的手机(&amp;Y)：</translation>
    </message>
    <message>
        <source>Your phone number (caller)</source>
        <translation>您的手机号（主叫）</translation>
    </message>
    <message>
        <source>Rings first, such as 138 0013 8000</source>
        <translation>会先响铃，例如 138 0013 8000</translation>
    </message>
    <message>
        <source>Your own phone. OneNET rings it first, then connects you to the person you called.</source>
        <translation>您自己的手机。OneNET 先呼叫它，再为您接通对方。</translation>
    </message>
    <message>
        <source>Sho&amp;wn to callee:</source>
        <translation>显示号码(&amp;W)：</translation>
    </message>
    <message>
        <source>Number the called person sees</source>
        <translation>对方看到的号码</translation>
    </message>
    <message>
        <source>OneNET shows the person you call the sponsor number, or your own number if OneNET has whitelisted it for your account.</source>
        <translation>OneNET 向被叫方显示业务号码；如果 OneNET 已为您的账号将您的号码加入白名单，也可以显示您自己的号码。</translation>
    </message>
    <message>
        <source>Account na&amp;me:</source>
        <translation>账号名称(&amp;M)：</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>账号名称</translation>
    </message>
    <message>
        <source>For example: sales</source>
        <translation>例如：sales</translation>
    </message>
    <message>
        <source>How OneDial lists this account; its access key is kept in the keychain under this name.</source>
        <translation>OneDial 中显示的账号名称；访问密钥以此名称保存在钥匙串中。</translation>
    </message>
    <message>
        <source>Signing me&amp;thod:</source>
        <translation>签名方法(&amp;T)：</translation>
    </message>
    <message>
        <source>Token signing method</source>
        <translation>令牌签名方式</translation>
    </message>
    <message>
        <source>The hash each call&apos;s token is signed with. OneNET accepts all three; sha256 unless your OneNET documentation asks for another.</source>
        <translation>每次呼叫的令牌所用的签名哈希。OneNET 三种都接受；除非您的 OneNET 文档另有要求，请用 sha256。</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>服务地址(&amp;E)：</translation>
    </message>
    <message>
        <source>Service address</source>
        <translation>服务地址</translation>
    </message>
    <message>
        <source>Leave it empty to use OneNET&apos;s own address.</source>
        <translation>留空即使用 OneNET 的默认地址。</translation>
    </message>
    <message>
        <source>Status &amp;callback:</source>
        <translation>状态回调地址(&amp;C)：</translation>
    </message>
    <message>
        <source>Status callback address</source>
        <translation>状态回调地址</translation>
    </message>
    <message>
        <source>Optional: where OneNET sends the call&apos;s progress</source>
        <translation>选填：OneNET 推送通话进度的地址</translation>
    </message>
    <message>
        <source>Optional: an address of your own server where OneNET sends each call&apos;s progress. A desktop computer usually cannot receive it.</source>
        <translation>可选：您自己服务器的地址，OneNET 会把每次呼叫的进展发送到这里。台式电脑通常无法接收。</translation>
    </message>
    <message>
        <source>User &amp;id:</source>
        <translation>用户 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>32 characters, 0-9 and a-f</source>
        <translation>32 个字符，0-9 和 a-f</translation>
    </message>
    <message>
        <source>Your OneNET user id</source>
        <translation>您的 OneNET 用户 ID（userid）</translation>
    </message>
    <message>
        <source>Your application&apos;s id: OneNET console, voice service, your application&apos;s details.</source>
        <translation>您的应用 ID：OneNET 控制台，语音服务，您的应用详情。</translation>
    </message>
    <message>
        <source>Your account&apos;s user id: OneNET console, your account&apos;s details.</source>
        <translation>您的账号的用户 ID：OneNET 控制台，您的账号详情。</translation>
    </message>
    <message>
        <source>The access key OneNET issued with this appid, from the OneNET console. It is kept in the system keychain, never in a file.</source>
        <translation>OneNET 随此 appid 分配的访问密钥，见 OneNET 控制台。它保存在系统钥匙串中，绝不写入文件。</translation>
    </message>
    <message>
        <source>Your account&apos;s access key, from the OneNET console. It is kept in the system keychain, never in a file.</source>
        <translation>您的账号的访问密钥，见 OneNET 控制台。它保存在系统钥匙串中，绝不写入文件。</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>The sponsor number (default)</source>
        <translation>业务号码（默认）</translation>
    </message>
    <message>
        <source>The sponsor number, %1 (default)</source>
        <translation>业务号码 %1（默认）</translation>
    </message>
    <message>
        <source>My own number (caller; must be whitelisted by OneNET)</source>
        <translation>我的号码（主叫；需已加入 OneNET 白名单）</translation>
    </message>
    <message>
        <source>My own number, %1 (must be whitelisted by OneNET)</source>
        <translation>我的号码 %1（需已加入 OneNET 白名单）</translation>
    </message>
    <message>
        <source>Stored in the keychain; type a new key to replace it</source>
        <translation>已保存在钥匙串中；输入新密钥即可替换</translation>
    </message>
    <message>
        <source>An account named &quot;%1&quot; exists already.</source>
        <translation>已存在名为“%1”的账号。</translation>
    </message>
    <message>
        <source>Gateway a&amp;ddress:</source>
        <translation>网关地址(&amp;D)：</translation>
    </message>
    <message>
        <source>Gateway address</source>
        <translation>网关地址</translation>
    </message>
    <message>
        <source>Such as https://dial.example.com</source>
        <translation>例如 https://dial.example.com</translation>
    </message>
    <message>
        <source>The address of your team&apos;s OneDial gateway, from your administrator. The gateway holds the OneNET account and places your calls.</source>
        <translation>团队 OneDial 网关的地址，由管理员提供。网关持有 OneNET 账号并替你发起呼叫。</translation>
    </message>
    <message>
        <source>Gateway t&amp;oken:</source>
        <translation>网关令牌(&amp;O)：</translation>
    </message>
    <message>
        <source>Gateway token</source>
        <translation>网关令牌</translation>
    </message>
    <message>
        <source>Starts with odg_, from your administrator</source>
        <translation>以 odg_ 开头，由管理员提供</translation>
    </message>
    <message>
        <source>Stored in the keychain; type a new token to replace it</source>
        <translation>已存于钥匙串；输入新令牌即可替换</translation>
    </message>
    <message>
        <source>The token your administrator gave you, for you alone. It is kept in the system keychain, never in a file.</source>
        <translation>管理员发给你个人使用的令牌。它保存在系统钥匙串中，绝不写入文件。</translation>
    </message>
    <message>
        <source>How OneDial lists this account; its token is kept in the keychain under this name.</source>
        <translation>OneDial 列出此账号时用的名称；令牌以此名称保存在钥匙串中。</translation>
    </message>
</context>
<context>
    <name>onedial::AccountSaver</name>
    <message>
        <source>No keychain</source>
        <translation>没有可用的钥匙串</translation>
    </message>
    <message>
        <source>You can keep the key for this session only: OneDial holds it in memory until it quits, and asks for it again next time.</source>
        <translation>您可以只在本次会话中保留密钥：OneDial 会把它保存在内存中直到退出，下次启动时会再次询问。</translation>
    </message>
    <message>
        <source>Keep for this session only</source>
        <translation>仅在本次会话中保留</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The key was not saved</source>
        <translation>密钥未保存</translation>
    </message>
    <message>
        <source>The account was not saved</source>
        <translation>账号未保存</translation>
    </message>
    <message>
        <source>The settings file %1 could not be written. Check that its folder is writable.</source>
        <translation>无法写入设置文件 %1。请确认其所在文件夹可写。</translation>
    </message>
    <message>
        <source>You can keep the token for this session only: OneDial holds it in memory until it quits, and asks for it again next time.</source>
        <translation>可以只在本次运行期间保留令牌：OneDial 将它保存在内存中直到退出，下次启动时再询问。</translation>
    </message>
    <message>
        <source>The token was not saved</source>
        <translation>令牌未保存</translation>
    </message>
</context>
<context>
    <name>onedial::AccountsDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Make &amp;default</source>
        <translation>设为默认(&amp;D)</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>编辑账号</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>删除账号</translation>
    </message>
    <message>
        <source>Make default account</source>
        <translation>设为默认账号</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>— default</source>
        <translation>— 默认</translation>
    </message>
    <message>
        <source>— key for this session only</source>
        <translation>— 密钥仅本次会话有效</translation>
    </message>
    <message>
        <source>Remove the account &quot;%1&quot; and its access key from the keychain? The call history stays.</source>
        <translation>要删除账号“%1”，并从钥匙串中删除其访问密钥吗？通话记录会保留。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>The account was kept</source>
        <translation>账号未删除</translation>
    </message>
    <message>
        <source>%1 (team gateway, %2)</source>
        <translation>%1（团队网关，%2）</translation>
    </message>
    <message>
        <source>Remove the account &quot;%1&quot; and its gateway token from the keychain? The call history stays.</source>
        <translation>删除账号“%1”并从钥匙串中删除其网关令牌吗？通话记录会保留。</translation>
    </message>
</context>
<context>
    <name>onedial::BrowserCommand</name>
    <message>
        <source>Lets the OneDial browser extension hand numbers to this OneDial, for you only.
install: register with Chrome, Chromium, Edge and Firefox
remove: take the registration away
status: say which browsers know this OneDial</source>
        <translation>让 OneDial 浏览器扩展把号码交给这个 OneDial（仅对您本人）。
install：在 Chrome、Chromium、Edge 和 Firefox 中注册
remove：取消注册
status：显示哪些浏览器已知道这个 OneDial</translation>
    </message>
    <message>
        <source>install, remove or status</source>
        <translation>install、remove 或 status</translation>
    </message>
    <message>
        <source>Say what to do: onedial browser install, remove or status.</source>
        <translation>请说明要做什么：onedial browser install、remove 或 status。</translation>
    </message>
    <message>
        <source>%1: registered (%2)</source>
        <translation>%1：已注册（%2）</translation>
    </message>
    <message>
        <source>%1: not registered: %2</source>
        <translation>%1：未注册：%2</translation>
    </message>
    <message>
        <source>%1: not registered for you</source>
        <translation>%1：未为您注册</translation>
    </message>
    <message>
        <source>%1: registered for this OneDial</source>
        <translation>%1：已为这个 OneDial 注册</translation>
    </message>
    <message>
        <source>%1: registered for another OneDial (%2)</source>
        <translation>%1：已为另一个 OneDial 注册（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>onedial::BrowserDialRequest</name>
    <message>
        <source>You did not confirm the call: nothing was dialled.</source>
        <translation>您没有确认呼叫：未拨打任何号码。</translation>
    </message>
</context>
<context>
    <name>onedial::Command</name>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助信息。</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
</context>
<context>
    <name>onedial::ContactDialog</name>
    <message>
        <source>&amp;Favourite (listed first)</source>
        <translation>收藏（排在最前）(&amp;F)</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add number</source>
        <translation>添加号码</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>公司(&amp;C)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>The contact was not saved</source>
        <translation>联系人未保存</translation>
    </message>
    <message>
        <source>&amp;Add number</source>
        <translation>添加号码(&amp;A)</translation>
    </message>
    <message>
        <source>Favourites are listed first and in the tray menu.</source>
        <translation>常用联系人排在最前，并显示在托盘菜单中。</translation>
    </message>
    <message>
        <source>Adds a field for one more number.</source>
        <translation>再添加一个号码输入框。</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Phone n&amp;umbers:</source>
        <translation>电话号码(&amp;U)：</translation>
    </message>
    <message>
        <source>Kind of number %1</source>
        <translation>号码 %1 的类型</translation>
    </message>
    <message>
        <source>Phone number %1</source>
        <translation>电话号码 %1</translation>
    </message>
    <message>
        <source>Mobile, such as 138 0013 8000</source>
        <translation>手机号，例如 138 0013 8000</translation>
    </message>
    <message>
        <source>Landline with area code, such as 0755 2800 0003</source>
        <translation>带区号的固话，例如 0755 2800 0003</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove number %1</source>
        <translation>删除号码 %1</translation>
    </message>
    <message>
        <source>Remove this number</source>
        <translation>删除这个号码</translation>
    </message>
    <message>
        <source>Enter at least one number to call.</source>
        <translation>请至少填写一个可拨打的号码。</translation>
    </message>
</context>
<context>
    <name>onedial::ContactExporter</name>
    <message>
        <source>Export contacts</source>
        <translation>导出联系人</translation>
    </message>
    <message>
        <source>%1 contacts exported to %2.</source>
        <translation>已将 %1 个联系人导出到 %2。</translation>
    </message>
    <message>
        <source>vCard, for phones and Outlook (*.vcf)</source>
        <translation>vCard，用于手机和 Outlook (*.vcf)</translation>
    </message>
    <message>
        <source>CSV, for Excel (*.csv)</source>
        <translation>CSV，用于 Excel (*.csv)</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>onedial::ContactFileCommand</name>
    <message>
        <source>not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>a number left out</source>
        <translation>有号码未导入</translation>
    </message>
    <message>
        <source>Import contacts from a vCard (.vcf) or CSV file: phones, Outlook, Google Contacts, Excel. Every number is checked the way a dial checks it; a row that cannot be used is listed with its line and the reason, and nothing is written unless the whole import succeeds.</source>
        <translation>从 vCard（.vcf）或 CSV 文件导入联系人，支持手机、Outlook、Google 通讯录和 Excel 导出的文件。每个号码都按拨号时的规则检查；无法使用的行会列出行号和原因。只有全部导入成功时才会写入。</translation>
    </message>
    <message>
        <source>The file to import.</source>
        <translation>要导入的文件。</translation>
    </message>
    <message>
        <source>vcf or csv; by default from the file.</source>
        <translation>vcf 或 csv；默认根据文件判断。</translation>
    </message>
    <message>
        <source>The file&apos;s encoding, such as UTF-8 or GB18030 (also reads GBK); by default detected.</source>
        <translation>文件编码，例如 UTF-8 或 GB18030（也可读取 GBK）；默认自动检测。</translation>
    </message>
    <message>
        <source>A row with a number already in your contacts (or earlier in the file): merge adds its other numbers to that contact (the default); skip leaves it out.</source>
        <translation>号码已在联系人中（或在文件前面出现过）的行：merge 将其其他号码合并到该联系人（默认）；skip 跳过该行。</translation>
    </message>
    <message>
        <source>For a CSV file whose header is not recognised: what each column holds, in order, from name, given, middle, family, company, notes, phone, label (of the next phone column), favourite and ignore. Example: --columns name,ignore,phone</source>
        <translation>用于无法识别表头的 CSV 文件：按顺序说明每列的内容，可选 name（姓名）、given（名字）、middle（中间名）、family（姓氏）、company（公司）、notes（备注）、phone（电话）、label（后一列电话的标签）、favourite（收藏）和 ignore（忽略）。例如：--columns name,ignore,phone</translation>
    </message>
    <message>
        <source>Show what would be imported; write nothing.</source>
        <translation>只显示将导入的内容，不写入任何数据。</translation>
    </message>
    <message>
        <source>Name one file to import.</source>
        <translation>请指定一个要导入的文件。</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>--format takes vcf or csv, not &quot;%1&quot;.</source>
        <translation>--format 只能是 vcf 或 csv，不能是“%1”。</translation>
    </message>
    <message>
        <source>--duplicates takes merge or skip, not &quot;%1&quot;.</source>
        <translation>--duplicates 只能是 merge 或 skip，不能是“%1”。</translation>
    </message>
    <message>
        <source>--columns: &quot;%1&quot; is not one of name, given, middle, family, company, notes, phone, label, favourite, ignore.</source>
        <translation>--columns：“%1”不在可选值之列（name、given、middle、family、company、notes、phone、label、favourite、ignore）。</translation>
    </message>
    <message>
        <source>The columns of %1 were not recognised: %2.</source>
        <translation>无法识别 %1 的各列：%2。</translation>
    </message>
    <message>
        <source>Say what each column holds with --columns, for example --columns name,ignore,phone</source>
        <translation>请用 --columns 说明每列的内容，例如 --columns name,ignore,phone</translation>
    </message>
    <message>
        <source>line %1: %2: %3</source>
        <translation>第 %1 行：%2：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (%2, %3): %4 new, %5 merged, %6 skipped, %7 invalid.</source>
        <translation>%1（%2，%3）：新增 %4，合并 %5，跳过 %6，无效 %7。</translation>
    </message>
    <message>
        <source>Nothing in %1 can be imported.</source>
        <translation>%1 中没有可导入的内容。</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何数据。</translation>
    </message>
    <message>
        <source>Export every contact to a vCard 4.0 (.vcf) or CSV file (UTF-8, which Excel opens correctly).</source>
        <translation>将所有联系人导出为 vCard 4.0（.vcf）或 CSV 文件（UTF-8 编码，Excel 可正确打开）。</translation>
    </message>
    <message>
        <source>The file to write; it is replaced.</source>
        <translation>要写入的文件；已有文件将被替换。</translation>
    </message>
    <message>
        <source>vcf or csv; by default from the file name.</source>
        <translation>vcf 或 csv；默认根据文件扩展名判断。</translation>
    </message>
    <message>
        <source>Name one file to write.</source>
        <translation>请指定一个要写入的文件。</translation>
    </message>
    <message>
        <source>Name the file .vcf or .csv, or choose the format with --format vcf|csv.</source>
        <translation>请将文件命名为 .vcf 或 .csv，或用 --format vcf|csv 指定格式。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个联系人导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported. New contacts: %1; rows merged into existing contacts: %2.</source>
        <translation>导入完成。新联系人：%1；合并到已有联系人的行：%2。</translation>
    </message>
</context>
<context>
    <name>onedial::ContactModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Not a favourite</source>
        <translation>未收藏</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Favourite</source>
        <comment>state of a contact</comment>
        <translation>已收藏</translation>
    </message>
    <message>
        <source>Favourite</source>
        <comment>column header</comment>
        <translation>收藏</translation>
    </message>
</context>
<context>
    <name>onedial::ContactsCommand</name>
    <message>
        <source>Usage:</source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>Unknown contacts command &quot;%1&quot;.</source>
        <translation>未知的 contacts 子命令“%1”。</translation>
    </message>
    <message>
        <source>Add a contact with one or more numbers. Every number is checked the way a dial checks it; if one cannot be dialled, nothing is stored.</source>
        <translation>添加联系人及其一个或多个号码。每个号码都按拨号时的规则检查；只要有一个号码无法拨打，就不会保存任何内容。</translation>
    </message>
    <message>
        <source>The contact&apos;s name, such as 张三.</source>
        <translation>联系人姓名，例如张三。</translation>
    </message>
    <message>
        <source>A number as you would write it: 138 0013 8000, (0755) 2800 0003.</source>
        <translation>号码，按平时的写法即可：138 0013 8000、(0755) 2800 0003。</translation>
    </message>
    <message>
        <source>The contact&apos;s company.</source>
        <translation>联系人所在公司。</translation>
    </message>
    <message>
        <source>Notes about the contact.</source>
        <translation>联系人备注。</translation>
    </message>
    <message>
        <source>List the contact among the favourites, at the top.</source>
        <translation>收藏该联系人，排在列表最前。</translation>
    </message>
    <message>
        <source>Give a name and at least one number, for example: onedial contacts add 张三 13800138000</source>
        <translation>请提供姓名和至少一个号码，例如：onedial contacts add 张三 13800138000</translation>
    </message>
    <message>
        <source>The contact was not added.</source>
        <translation>联系人未添加。</translation>
    </message>
    <message>
        <source>Contact &quot;%1&quot; added: %2.</source>
        <translation>已添加联系人“%1”：%2。</translation>
    </message>
    <message>
        <source>List the contacts, favourites first, then by name.</source>
        <translation>列出联系人：收藏的在前，其余按姓名排序。</translation>
    </message>
    <message>
        <source>Print one JSON array.</source>
        <translation>以 JSON 数组输出。</translation>
    </message>
    <message>
        <source>Only contacts matching this, as the window&apos;s search field matches: name, company, any spelling of a number, pinyin or its initials.</source>
        <translation>按姓名、公司、号码（任意写法）、拼音或首字母筛选联系人。</translation>
    </message>
    <message>
        <source>No contact matches.</source>
        <translation>没有匹配的联系人。</translation>
    </message>
    <message>
        <source>No contacts. Add one with: %1</source>
        <translation>还没有联系人。添加联系人：%1</translation>
    </message>
</context>
<context>
    <name>onedial::CredentialStore</name>
    <message>
        <source>Windows Credential Manager could not be used. Sign in to Windows with your own user account and try again.</source>
        <translation>无法使用 Windows 凭据管理器。请用您自己的 Windows 用户账户登录后重试。</translation>
    </message>
    <message>
        <source>The macOS Keychain refused access. Unlock the login keychain in Keychain Access and allow OneDial to use it, then try again.</source>
        <translation>macOS 钥匙串拒绝访问。请在“钥匙串访问”中解锁“登录”钥匙串并允许 OneDial 使用，然后重试。</translation>
    </message>
    <message>
        <source>No keychain service is running. OneDial keeps access keys only in a keychain: start GNOME Keyring (package gnome-keyring) or KWallet in your desktop session, and unlock it, then try again.</source>
        <translation>没有正在运行的钥匙串服务。OneDial 只把访问密钥保存在钥匙串中：请在桌面会话中启动 GNOME Keyring（软件包 gnome-keyring）或 KWallet 并解锁，然后重试。</translation>
    </message>
    <message>
        <source>No access key is stored for the account &quot;%1&quot;. Enter it in the account settings (or with: onedial account add).</source>
        <translation>账号“%1”尚未保存访问密钥。请在账号设置中输入（或使用 onedial account add）。</translation>
    </message>
    <message>
        <source>Access to the keychain was refused, so the access key for &quot;%1&quot; could not be used. Unlock the keychain and allow OneDial, then try again.</source>
        <translation>钥匙串拒绝访问，无法使用账号“%1”的访问密钥。请解锁钥匙串并允许 OneDial 访问，然后重试。</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>钥匙串出错：%1</translation>
    </message>
</context>
<context>
    <name>onedial::DialClient</name>
    <message>
        <source>A call to %1 is already being placed. Wait for its result before dialling again.</source>
        <translation>正在呼叫 %1。请等待结果后再拨。</translation>
    </message>
    <message>
        <source>The call may or may not have been placed: check your phone before dialling again.</source>
        <translation>呼叫可能已发起，也可能没有：请先看看您的手机，再决定是否重拨。</translation>
    </message>
    <message numerus="yes">
        <source>No answer from the service within %n second(s).</source>
        <translation>
            <numerusform>服务在 %n 秒内没有应答。</numerusform>
        </translation>
    </message>
    <message>
        <source>The service&apos;s answer was larger than %1 KiB and was not read.</source>
        <translation>服务的应答超过 %1 KiB，未读取。</translation>
    </message>
    <message>
        <source>Could not connect to %1: the connection was refused. No call was placed. Check the account&apos;s endpoint and your network.</source>
        <translation>无法连接到 %1：连接被拒绝。未发起呼叫。请检查账号的服务地址和网络。</translation>
    </message>
    <message>
        <source>Could not find the server %1. No call was placed. Check your internet connection and the account&apos;s endpoint.</source>
        <translation>找不到服务器 %1。未发起呼叫。请检查网络连接和账号的服务地址。</translation>
    </message>
    <message>
        <source>The secure connection to %1 could not be verified (%2). No call was placed. Check the computer&apos;s date and time, and whether a proxy or firewall intercepts secure connections.</source>
        <translation>无法验证与 %1 的安全连接（%2）。未发起呼叫。请检查本机的日期和时间，以及是否有代理或防火墙拦截了安全连接。</translation>
    </message>
    <message>
        <source>The connection to %1 closed before the service answered.</source>
        <translation>服务应答前，与 %1 的连接已断开。</translation>
    </message>
    <message>
        <source>The network failed while the call was being placed (%1).</source>
        <translation>发起呼叫时网络出错（%1）。</translation>
    </message>
    <message>
        <source>The service&apos;s answer was cut off (%1).</source>
        <translation>服务的应答不完整（%1）。</translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) off the service&apos;s clock; correct the date and time settings, then dial again.</source>
        <translation>
            <numerusform>本机时钟与服务器相差 %n 分钟，请校正日期和时间设置后重新拨号。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>two sentences in a row: what happened, then what to do</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>The service&apos;s answer was cut off after %1 of the %2 bytes it announced.</source>
        <translation>服务的应答在收到 %1 字节（共 %2 字节）时被截断。</translation>
    </message>
    <message>
        <source>The stored access key for &quot;%1&quot; is not a valid OneNET key (base64 text that decodes to %2 to %3 bytes, as shown in the OneNET console). Enter the key again.</source>
        <translation>为“%1”保存的访问密钥不是有效的 OneNET 密钥（应为解码后 %2 到 %3 字节的 base64 文本，与 OneNET 控制台中显示的一致）。请重新输入密钥。</translation>
    </message>
    <message>
        <source>The stored token for &quot;%1&quot; is not a gateway token (odg_ and 44 more characters, as your administrator gave it to you). Enter the token again.</source>
        <translation>为“%1”保存的令牌不是网关令牌（应为 odg_ 加 44 个字符，与管理员给您的一致）。请重新输入令牌。</translation>
    </message>
    <message>
        <source>Could not reach your team&apos;s gateway at %1 (%2). No call was placed. Check your network and the gateway address in the account settings, or ask your administrator whether the gateway is running.</source>
        <translation>无法连接位于 %1 的团队网关（%2）。未发起呼叫。请检查网络和账号设置中的网关地址，或询问管理员网关是否在运行。</translation>
    </message>
</context>
<context>
    <name>onedial::DialCommand</name>
    <message>
        <source>Place one click-to-dial call: OneNET rings your phone, then connects the number you give.</source>
        <translation>发起一次点击拨号：OneNET 先呼叫您的手机，再为您接通指定的号码。</translation>
    </message>
    <message>
        <source>The number to call, as you would write it: 138 0013 8000, +86 138-0013-8000, (0755) 2800 0003.</source>
        <translation>要拨打的号码，按平时的写法即可：138 0013 8000、+86 138-0013-8000、(0755) 2800 0003。</translation>
    </message>
    <message>
        <source>Use this account instead of the default one.</source>
        <translation>使用指定账号，而不是默认账号。</translation>
    </message>
    <message>
        <source>Print the outcome as one JSON object.</source>
        <translation>以一个 JSON 对象输出结果。</translation>
    </message>
    <message>
        <source>Seconds to wait for the service&apos;s answer (default %1).</source>
        <translation>等待服务应答的秒数（默认 %1）。</translation>
    </message>
    <message>
        <source>Dial the built-in OneNET simulator instead of the real service. No call is placed.</source>
        <translation>使用内置的 OneNET 模拟器（沙盒），不会真正拨打电话。</translation>
    </message>
    <message>
        <source>Give the number to call, for example: onedial dial 13800138000</source>
        <translation>请提供要拨打的号码，例如：onedial dial 13800138000</translation>
    </message>
    <message>
        <source>Give exactly one number to call. Put quotes around a number with spaces.</source>
        <translation>请只提供一个号码。含空格的号码请用引号括起来。</translation>
    </message>
    <message>
        <source>--timeout takes a whole number of seconds from 1 to %1.</source>
        <translation>--timeout 应为 1 到 %1 之间的整数秒数。</translation>
    </message>
    <message>
        <source>The call was not saved in the history: %1</source>
        <translation>本次呼叫未能保存到通话记录：%1</translation>
    </message>
    <message>
        <source>Accepted: calling %1.</source>
        <translation>已受理：正在呼叫 %1。</translation>
    </message>
    <message>
        <source>Refused by OneNET: no call to %1.</source>
        <translation>被 OneNET 拒绝：未呼叫 %1。</translation>
    </message>
    <message>
        <source>Not sent: no call was placed.</source>
        <translation>未发送：未发起呼叫。</translation>
    </message>
    <message>
        <source>Failed: no call was placed.</source>
        <translation>失败：未发起呼叫。</translation>
    </message>
    <message>
        <source>Outcome unknown for %1.</source>
        <translation>呼叫 %1 的结果未知。</translation>
    </message>
    <message>
        <source>  Code: %1</source>
        <translation>  返回码：%1</translation>
    </message>
    <message>
        <source>  Service message: %1</source>
        <translation>  服务消息：%1</translation>
    </message>
    <message>
        <source>  Call id: %1</source>
        <translation>  通话 ID：%1</translation>
    </message>
    <message>
        <source>  Request id: %1</source>
        <translation>  请求 ID：%1</translation>
    </message>
    <message>
        <source>  HTTP status: %1</source>
        <translation>  HTTP 状态码：%1</translation>
    </message>
    <message>
        <source>  Detail: %1</source>
        <translation>  详情：%1</translation>
    </message>
    <message>
        <source>After OneNET accepts the call, follow it and print each step until it ends (an account on your team&apos;s gateway, or the sandbox). With --json, one JSON object per line.</source>
        <translation>OneNET 受理呼叫后继续跟踪，逐步打印通话进展直到结束（适用于团队网关账号或沙盒）。配合 --json 时每行一个 JSON 对象。</translation>
    </message>
    <message>
        <source>--wait follows a call only for an account on your team&apos;s gateway, or in the sandbox (--sandbox): OneNET reports a call&apos;s progress only to a server it can reach.</source>
        <translation>--wait 只能跟踪团队网关账号或沙盒（--sandbox）的呼叫：OneNET 只会把通话进展报告给它能访问到的服务器。</translation>
    </message>
    <message>
        <source>Not dialled: the call could not be followed. %1</source>
        <translation>未拨号：无法跟踪这次呼叫。%1</translation>
    </message>
    <message>
        <source>The gateway&apos;s event stream did not open.</source>
        <translation>网关的事件流没有打开。</translation>
    </message>
    <message>
        <source>No step of the call was reported for %1 minutes; not waiting any longer.</source>
        <translation>已有 %1 分钟没有收到通话进展，不再等待。</translation>
    </message>
</context>
<context>
    <name>onedial::DialController</name>
    <message>
        <source>Sandbox, API v1 (no real calls)</source>
        <translation>沙盒（API v1，不会真正拨打）</translation>
    </message>
    <message>
        <source>Sandbox, API v2 (no real calls)</source>
        <translation>沙盒（API v2，不会真正拨打）</translation>
    </message>
</context>
<context>
    <name>onedial::DialService</name>
    <message>
        <source>%1 is already being dialled. Wait for its outcome before dialling again.</source>
        <translation>正在拨打 %1，请等待结果后再拨。</translation>
    </message>
    <message>
        <source>The sandbox is not running. Start OneDial with --sandbox to try it.</source>
        <translation>沙盒未运行。请使用 --sandbox 启动 OneDial 来试用。</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read. Fix or move it, then add the account again.</source>
        <translation>无法读取设置文件 %1。请修复或移走该文件，然后重新添加账号。</translation>
    </message>
    <message>
        <source>There is no account named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的账号。</translation>
    </message>
    <message>
        <source>No account is set up. Add one in Accounts &gt; Manage accounts, or with: onedial account add NAME --api v1 --appid ID --sponsor NUMBER --caller NUMBER. To try OneDial without an account: onedial --sandbox</source>
        <translation>尚未设置账号。请在“账号 &gt; 管理账号”中添加，或使用命令：onedial account add NAME --api v1 --appid ID --sponsor NUMBER --caller NUMBER。无需账号试用 OneDial：onedial --sandbox</translation>
    </message>
    <message>
        <source>Several accounts are set up and none is the default. Choose one, or make one the default (Accounts &gt; Manage accounts, or: onedial account default NAME).</source>
        <translation>已设置多个账号，但没有默认账号。请选择一个，或将其中一个设为默认（“账号 &gt; 管理账号”，或：onedial account default NAME）。</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; cannot dial yet: %2</source>
        <translation>账号“%1”暂时无法拨号：%2</translation>
    </message>
    <message>
        <source>No access key was entered for &quot;%1&quot;. No call was placed.</source>
        <translation>没有为“%1”输入访问密钥，未发起呼叫。</translation>
    </message>
    <message>
        <source>The contacts and history database is not open.</source>
        <translation>联系人和通话记录数据库未打开。</translation>
    </message>
    <message>
        <source>No gateway token is stored for the account &quot;%1&quot;. Enter the token your administrator gave you in the account settings (or with: onedial account add %1 --gateway URL).</source>
        <translation>账号“%1”尚未保存网关令牌。请在账号设置中输入管理员给您的令牌（或使用：onedial account add %1 --gateway URL）。</translation>
    </message>
</context>
<context>
    <name>onedial::GatewayEventStream</name>
    <message>
        <source>The gateway sent nothing for %1 seconds.</source>
        <translation>网关 %1 秒没有发送任何数据。</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer was not an event stream.</source>
        <translation>网关的应答不是事件流。</translation>
    </message>
    <message>
        <source>The gateway sent a line too long for an event stream.</source>
        <translation>网关发送的一行过长，不是正常的事件流。</translation>
    </message>
    <message>
        <source>The gateway closed the connection.</source>
        <translation>网关关闭了连接。</translation>
    </message>
    <message>
        <source>The gateway refused the token (HTTP %1).</source>
        <translation>网关拒绝了令牌（HTTP %1）。</translation>
    </message>
    <message>
        <source>Could not reach the gateway: %1</source>
        <translation>无法连接网关：%1</translation>
    </message>
    <message>
        <source>The gateway answered HTTP %1.</source>
        <translation>网关应答 HTTP %1。</translation>
    </message>
</context>
<context>
    <name>onedial::GlobalShortcut</name>
    <message>
        <source>Off. Quick dial is still in the tray&apos;s menu.</source>
        <translation>已关闭。快速拨号仍在托盘菜单中。</translation>
    </message>
    <message>
        <source>Select a phone number in any program and press %1: quick dial opens with it.</source>
        <translation>在任何程序中选中电话号码后按 %1：快速拨号会带着该号码打开。</translation>
    </message>
    <message>
        <source>%1 is already used by another program. Choose other keys, or free them in that program.</source>
        <translation>%1 已被其他程序占用。请选择其他按键，或在该程序中释放它。</translation>
    </message>
    <message>
        <source>%1 alone would be taken from every program. Hold Ctrl or Alt with the key.</source>
        <translation>单独的 %1 会占用所有程序中的这个键。请同时按住 Ctrl 或 Alt。</translation>
    </message>
    <message>
        <source>%1 cannot be used as a global shortcut here. Choose a letter, a digit or a function key.</source>
        <translation>%1 在此无法用作全局快捷键。请选择字母、数字或功能键。</translation>
    </message>
    <message>
        <source>The desktop did not accept %1. Choose other keys.</source>
        <translation>桌面未接受 %1。请选择其他按键。</translation>
    </message>
    <message>
        <source>OneDial asked the desktop for %1; it may ask you to confirm or to choose the keys.</source>
        <translation>OneDial 已向桌面申请 %1；桌面可能会请您确认或选择按键。</translation>
    </message>
</context>
<context>
    <name>onedial::HistoryCommand</name>
    <message>
        <source>List the calls made from this computer, newest first.</source>
        <translation>列出本机发起的呼叫，最新的在前。</translation>
    </message>
    <message>
        <source>Only calls whose name, number, account, ids or messages contain this.</source>
        <translation>只列出姓名、号码、账号、ID 或消息中包含此内容的呼叫。</translation>
    </message>
    <message>
        <source>Print one JSON array.</source>
        <translation>以 JSON 数组输出。</translation>
    </message>
    <message>
        <source>Print at most N calls.</source>
        <translation>最多列出 N 条呼叫。</translation>
    </message>
    <message>
        <source>Give at most one filter. Put quotes around a filter with spaces.</source>
        <translation>最多只能提供一个筛选条件。含空格的条件请用引号括起来。</translation>
    </message>
    <message>
        <source>--limit takes a whole number from 1 up.</source>
        <translation>--limit 应为不小于 1 的整数。</translation>
    </message>
    <message>
        <source>No calls in the history.</source>
        <translation>通话记录为空。</translation>
    </message>
    <message>
        <source>%1  %2  %3</source>
        <translation>%1  %2  %3</translation>
    </message>
    <message>
        <source>  account %1</source>
        <translation>  账号 %1</translation>
    </message>
    <message>
        <source>  call_id %1</source>
        <translation>  通话 ID %1</translation>
    </message>
    <message>
        <source>  request_id %1</source>
        <translation>  请求 ID %1</translation>
    </message>
    <message>
        <source>  status %1</source>
        <translation>  状态 %1</translation>
    </message>
    <message>
        <source>  reason %1</source>
        <translation>  原因 %1</translation>
    </message>
    <message>
        <source>  %1 s</source>
        <translation>  %1 秒</translation>
    </message>
</context>
<context>
    <name>onedial::HistoryModel</name>
    <message>
        <source>Time (UTC): %1</source>
        <translation>时间（UTC）：%1</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>账号：%1</translation>
    </message>
    <message>
        <source>Number: %1</source>
        <translation>号码：%1</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>请求 ID：%1</translation>
    </message>
    <message>
        <source>Call id: %1</source>
        <translation>通话 ID：%1</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>返回码：%1</translation>
    </message>
    <message>
        <source>Service message: %1</source>
        <translation>服务消息：%1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP 状态码：%1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>通话状态：%1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>结束原因：%1</translation>
    </message>
    <message>
        <source>Duration: %1 s</source>
        <translation>通话时长：%1 秒</translation>
    </message>
    <message>
        <source>%1, %2 s</source>
        <translation>%1，%2 秒</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>通话进度</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>沙盒</translation>
    </message>
    <message>
        <source>d MMM HH:mm</source>
        <comment>Qt date format of a call earlier this year</comment>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <source>d MMM yyyy HH:mm</source>
        <comment>Qt date format of a call in an earlier year</comment>
        <translation>yyyy年M月d日 HH:mm</translation>
    </message>
</context>
<context>
    <name>onedial::HistoryPanel</name>
    <message>
        <source>&amp;Redial</source>
        <translation>重拨(&amp;R)</translation>
    </message>
    <message>
        <source>Filter by name, number, code or message</source>
        <translation>按姓名、号码、返回码或说明筛选</translation>
    </message>
    <message>
        <source>Filter call history</source>
        <translation>筛选通话记录</translation>
    </message>
    <message>
        <source>Call history</source>
        <translation>通话记录</translation>
    </message>
    <message>
        <source>Redial the selected call</source>
        <translation>重拨所选通话</translation>
    </message>
    <message>
        <source>Copy the selected call&apos;s details</source>
        <translation>复制所选通话的详情</translation>
    </message>
    <message>
        <source>Show calls with outcome</source>
        <translation>按结果显示呼叫</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>结果未知</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未拨出</translation>
    </message>
    <message>
        <source>Show calls from</source>
        <translation>按日期显示呼叫</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Copy detai&amp;ls</source>
        <translation>复制详情(&amp;L)</translation>
    </message>
    <message>
        <source>Enter or a double-click calls the selected number again.</source>
        <translation>按 Enter 或双击可再次拨打选中的号码。</translation>
    </message>
</context>
<context>
    <name>onedial::ImportDialog</name>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Number left out</source>
        <translation>有号码未导入</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列名</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>第一行</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>What</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>导入联系人</translation>
    </message>
    <message>
        <source>A .vcf file from a phone, or a .csv file from Outlook, Google or Excel</source>
        <translation>手机导出的 .vcf 文件，或 Outlook、Google、Excel 导出的 .csv 文件</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>vCard (.vcf)</source>
        <translation>vCard (.vcf)</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>GB18030 (GBK, GB2312)</source>
        <translation>GB18030（GBK、GB2312）</translation>
    </message>
    <message>
        <source>Add their new numbers to the contact that has the number</source>
        <translation>把其中的新号码添加到已有该号码的联系人</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Numbers already in your contacts:</source>
        <translation>联系人中已有的号码(&amp;N)：</translation>
    </message>
    <message>
        <source>Rows that need your attention:</source>
        <translation>需要注意的行：</translation>
    </message>
    <message>
        <source>The first new contacts:</source>
        <translation>前几个新联系人：</translation>
    </message>
    <message>
        <source>Contacts (*.vcf *.vcard *.csv *.txt);;vCard (*.vcf *.vcard);;CSV (*.csv *.txt);;All files (*)</source>
        <translation>联系人 (*.vcf *.vcard *.csv *.txt);;vCard (*.vcf *.vcard);;CSV (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Stopped. Nothing was imported.</source>
        <translation>已停止，未导入任何内容。</translation>
    </message>
    <message>
        <source>Say which column holds the names and which the phone numbers, then the preview appears.</source>
        <translation>请指出哪一列是姓名、哪一列是电话号码，然后会显示预览。</translation>
    </message>
    <message>
        <source>New: %1    Merged: %2    Skipped: %3    Invalid: %4</source>
        <translation>新增：%1    合并：%2    跳过：%3    无效：%4</translation>
    </message>
    <message>
        <source>vCard</source>
        <translation>vCard</translation>
    </message>
    <message>
        <source>%1, %2. The first %3 of %4 rows that need attention are listed.</source>
        <translation>%1，%2。需要注意的 %4 行中列出了前 %3 行。</translation>
    </message>
    <message>
        <source>%1, %2. Nothing is written until you choose Import.</source>
        <translation>%1，%2。选择“导入”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>%1, %2. Nothing in this file would change your contacts.</source>
        <translation>%1，%2。此文件不会改变您的联系人。</translation>
    </message>
    <message>
        <source>OneDial does not know these columns. Say what each one holds: at least a name and a phone number.</source>
        <translation>OneDial 无法识别这些列。请指出每一列的内容：至少需要姓名和电话号码。</translation>
    </message>
    <message>
        <source>What each column holds. Change it if a column was read wrongly.</source>
        <translation>每一列的内容。如有识别错误的列，请修改。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was changed.</source>
        <translation>导入已取消，没有任何更改。</translation>
    </message>
    <message>
        <source>Checking the numbers…</source>
        <translation>正在检查号码…</translation>
    </message>
    <message>
        <source>Writing your contacts…</source>
        <translation>正在写入联系人…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Chosen file</source>
        <translation>选中的文件</translation>
    </message>
    <message>
        <source>Opens the file to import.</source>
        <translation>打开要导入的文件。</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <source>Text encoding</source>
        <translation>文字编码</translation>
    </message>
    <message>
        <source>Numbers already in your contacts</source>
        <translation>联系人中已有的号码</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>文件的各列</translation>
    </message>
    <message>
        <source>Rows that need your attention</source>
        <translation>需要您留意的行</translation>
    </message>
    <message>
        <source>The first new contacts</source>
        <translation>前几个新联系人</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>%1 (line %2)</source>
        <translation>%1（第 %2 行）</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Imported: %1, %2.</source>
        <translation>已导入：%1，%2。</translation>
    </message>
    <message numerus="yes">
        <source>%n new contact(s)</source>
        <translation>
            <numerusform>%n 个新联系人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) merged into existing contacts</source>
        <translation>
            <numerusform>%n 行合并到已有联系人</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a number&apos;s label and the number</comment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>onedial::InFlightProxyModel</name>
    <message>
        <source>Calling now: wait for the outcome before dialling again.</source>
        <translation>正在呼叫：请等待结果后再拨。</translation>
    </message>
</context>
<context>
    <name>onedial::IntegrationSettingsDialog</name>
    <message>
        <source>&amp;Ask before dialling a link</source>
        <translation>拨打链接中的号码前先询问(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Open tel: and callto: links with OneDial</source>
        <translation>用 OneDial 打开 tel: 和 callto: 链接(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Start OneDial when I log in (without showing the window)</source>
        <translation>登录时启动 OneDial（不显示窗口）(&amp;S)</translation>
    </message>
    <message>
        <source>tel: and callto: links</source>
        <translation>tel: 和 callto: 链接</translation>
    </message>
    <message>
        <source>Any web page or program can open a link. Dial links without asking only if you trust all of them: each call is billed.</source>
        <translation>任何网页或程序都能打开链接。只有在信任所有来源时，才建议不经询问直接拨打：每次通话都会计费。</translation>
    </message>
    <message>
        <source>Setting not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <source>OneDial could not write its settings file.</source>
        <translation>OneDial 无法写入设置文件。</translation>
    </message>
    <message>
        <source>Links not registered</source>
        <translation>未能注册链接</translation>
    </message>
    <message>
        <source>Start-up not changed</source>
        <translation>开机启动设置未更改</translation>
    </message>
    <message>
        <source>This copy of OneDial is registered for tel: and callto: links.</source>
        <translation>当前这份 OneDial 已注册为 tel: 和 callto: 链接的处理程序。</translation>
    </message>
    <message>
        <source>This copy of OneDial is not registered for links yet (an installed OneDial may be).</source>
        <translation>当前这份 OneDial 尚未注册为链接处理程序（已安装的 OneDial 可能已注册）。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language takes effect the next time OneDial starts.</source>
        <translation>新的语言设置将在下次启动 OneDial 时生效。</translation>
    </message>
    <message>
        <source>Show a &amp;notification with each call&apos;s outcome</source>
        <translation>每次拨号后通知结果(&amp;N)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Asks before a link from a web page or program places a call.</source>
        <translation>网页或其他程序中的链接发起呼叫前，先询问您。</translation>
    </message>
    <message>
        <source>Makes this copy of OneDial open tel: and callto: links.</source>
        <translation>让这个 OneDial 打开 tel: 和 callto: 链接。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Only while the OneDial window is hidden or behind another window: in front, the window says it itself.</source>
        <translation>仅在 OneDial 窗口隐藏或被其他窗口遮住时通知；窗口在最前面时，结果直接显示在窗口中。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dial the selected text</source>
        <translation>拨打选中的文字</translation>
    </message>
    <message>
        <source>Open &amp;quick dial with the selected number when I press:</source>
        <translation>按下以下按键时，用选中的号码打开快速拨号(&amp;Q)：</translation>
    </message>
    <message>
        <source>Keys of the global shortcut</source>
        <translation>全局快捷键的按键</translation>
    </message>
    <message>
        <source>&amp;Default keys</source>
        <translation>默认按键(&amp;D)</translation>
    </message>
    <message>
        <source>Sets the shortcut back to %1.</source>
        <translation>把快捷键恢复为 %1。</translation>
    </message>
    <message>
        <source>Global shortcut status</source>
        <translation>全局快捷键状态</translation>
    </message>
    <message>
        <source>Let the &amp;browser extension reach this OneDial</source>
        <translation>让浏览器扩展连接这个 OneDial(&amp;B)</translation>
    </message>
    <message>
        <source>Browser extension</source>
        <translation>浏览器扩展</translation>
    </message>
    <message>
        <source>Lets the OneDial extension in Chrome, Edge and Firefox hand the numbers you click to this OneDial.</source>
        <translation>让 Chrome、Edge 和 Firefox 中的 OneDial 扩展把您点击的号码交给这个 OneDial。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Browser extension not connected</source>
        <translation>浏览器扩展未连接</translation>
    </message>
    <message>
        <source>Chrome, Chromium, Edge and Firefox can hand the numbers you click to this OneDial.</source>
        <translation>Chrome、Chromium、Edge 和 Firefox 可以把您点击的号码交给这个 OneDial。</translation>
    </message>
    <message>
        <source>The browser extension cannot reach this copy of OneDial yet (an installed OneDial may be registered for everyone).</source>
        <translation>浏览器扩展暂时无法连接这份 OneDial（已安装的 OneDial 可能已为所有用户注册）。</translation>
    </message>
</context>
<context>
    <name>onedial::LinkConfirmDialog</name>
    <message>
        <source>&amp;Dial</source>
        <translation>拨打(&amp;D)</translation>
    </message>
    <message>
        <source>Dial %1?</source>
        <translation>拨打 %1？</translation>
    </message>
    <message>
        <source>A link asks OneDial to call:</source>
        <translation>有链接请求 OneDial 拨打：</translation>
    </message>
    <message>
        <source>Number to call</source>
        <translation>要拨打的号码</translation>
    </message>
    <message>
        <source>Sent to OneNET as %1. Your phone rings first; answer it to be connected.</source>
        <translation>将以 %1 发送给 OneNET。您的手机会先响铃，接听后即可与对方接通。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>The OneDial extension in your browser asks to call:</source>
        <translation>您浏览器中的 OneDial 扩展请求拨打：</translation>
    </message>
    <message>
        <source>The OneDial extension asks to call a number on %1:</source>
        <translation>OneDial 扩展请求拨打 %1 上的号码：</translation>
    </message>
</context>
<context>
    <name>onedial::LinkHandler</name>
    <message>
        <source>Link not dialled</source>
        <translation>未拨打链接中的号码</translation>
    </message>
    <message>
        <source>Too many links at once: answer the questions already open, then open the link again.</source>
        <translation>同时打开的链接过多：请先处理已打开的询问，再重新打开该链接。</translation>
    </message>
    <message numerus="yes">
        <source>%n links were not dialled. The last one: %1</source>
        <translation>
            <numerusform>%n 个链接未拨打。最后一个：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>OneDial is already asking you about this number.</source>
        <translation>OneDial 已经在询问您是否拨打这个号码。</translation>
    </message>
</context>
<context>
    <name>onedial::MainWindow</name>
    <message>
        <source>&amp;Dial</source>
        <translation>拨号(&amp;D)</translation>
    </message>
    <message>
        <source>Keychain warning</source>
        <translation>钥匙串警告</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>数据库问题</translation>
    </message>
    <message>
        <source>Set the file aside and start an empty one</source>
        <translation>移开旧文件，新建空文件</translation>
    </message>
    <message>
        <source>OneDial (sandbox)</source>
        <translation>OneDial（沙盒）</translation>
    </message>
    <message>
        <source>OneDial</source>
        <translation>OneDial</translation>
    </message>
    <message>
        <source>Search name, company, number or pinyin (Ctrl+F), then Enter to call</source>
        <translation>搜索姓名、公司、号码或拼音（Ctrl+F），按 Enter 拨打</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>搜索联系人</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Number to call</source>
        <translation>要拨打的号码</translation>
    </message>
    <message>
        <source>Or any number, such as 138 0013 8000</source>
        <translation>或直接输入号码，例如 138 0013 8000</translation>
    </message>
    <message>
        <source>Dial</source>
        <translation>拨号</translation>
    </message>
    <message>
        <source>Set the unusable database aside</source>
        <translation>移开无法使用的数据库文件</translation>
    </message>
    <message>
        <source>Started an empty contact list. The old file is kept as %1.</source>
        <translation>已新建空的联系人列表。旧文件已保留为 %1。</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>号码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n 个联系人</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;New contact…</source>
        <translation>新建联系人(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit contact…</source>
        <translation>编辑联系人(&amp;E)…</translation>
    </message>
    <message>
        <source>De&amp;lete contact</source>
        <translation>删除联系人(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Manage accounts…</source>
        <translation>管理账号(&amp;M)…</translation>
    </message>
    <message>
        <source>Try the &amp;sandbox</source>
        <translation>试用沙盒(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About OneDial</source>
        <translation>关于 OneDial(&amp;A)</translation>
    </message>
    <message>
        <source>About OneDial</source>
        <translation>关于 OneDial</translation>
    </message>
    <message>
        <source>OneDial %1
Click-to-dial for the OneNET voice service.</source>
        <translation>OneDial %1
OneNET 语音服务点击拨号工具。</translation>
    </message>
    <message>
        <source>Contacts and history are unavailable until this is fixed; dialling a number still works.</source>
        <translation>问题解决前，联系人和通话记录暂不可用；仍可直接输入号码拨打。</translation>
    </message>
    <message>
        <source>No account is set up yet. Add one in Accounts &gt; Manage accounts, or choose Accounts &gt; Try the sandbox to try OneDial without an account.</source>
        <translation>尚未设置账号。请在“账号 &gt; 管理账号”中添加；也可以选择“账号 &gt; 试用沙盒”，无需账号即可体验 OneDial。</translation>
    </message>
    <message>
        <source>Sandbox: a simulated OneNET on this computer. Try 138 0013 8000 (accepted, then the call&apos;s progress), 138 0000 0903 to 0908 (accepted, then busy, no answer and other endings), 138 0000 0101 to 0114 (each v1 error code), 138 0000 0201 to 0223 (each v2 error), 138 0000 0901 (no answer) or 138 0000 0902 (error page).</source>
        <translation>沙盒：在本机模拟 OneNET，不会真正拨打。可试拨 138 0013 8000（已受理，随后显示通话进展）、138 0000 0903 至 0908（已受理，随后占线、无人接听等各种结束方式）、138 0000 0101 至 0114（v1 各错误码）、138 0000 0201 至 0223（v2 各错误码）、138 0000 0901（无应答）或 138 0000 0902（错误页面）。</translation>
    </message>
    <message>
        <source>No keychain is available, so the access key for %1 is kept in memory only. OneDial will ask for it again the next time it starts.</source>
        <translation>没有可用的钥匙串，%1 的访问密钥仅保存在内存中。下次启动 OneDial 时需要重新输入。</translation>
    </message>
    <message>
        <source>No contact matches &quot;%1&quot;.</source>
        <translation>没有与“%1”匹配的联系人。</translation>
    </message>
    <message>
        <source>%1 has no number to call.</source>
        <translation>%1 没有可拨打的号码。</translation>
    </message>
    <message>
        <source>%1 is being called already. Wait for the outcome before dialling again.</source>
        <translation>正在呼叫 %1，请等待结果后再拨。</translation>
    </message>
    <message>
        <source>The contact was not deleted</source>
        <translation>联系人未删除</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>已恢复 %1。</translation>
    </message>
    <message>
        <source>&amp;Import contacts…</source>
        <translation>导入联系人(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export contacts…</source>
        <translation>导出联系人(&amp;E)…</translation>
    </message>
    <message>
        <source>Mark as fa&amp;vourite</source>
        <translation>收藏联系人(&amp;V)</translation>
    </message>
    <message>
        <source>Open the database again</source>
        <translation>重新打开数据库</translation>
    </message>
    <message>
        <source>Contacts and history are available again.</source>
        <translation>联系人和通话记录已恢复可用。</translation>
    </message>
    <message>
        <source>Dial again?</source>
        <translation>再次拨打？</translation>
    </message>
    <message numerus="yes">
        <source>The last call to %1, %n minute(s) ago, may have been placed: its outcome is unknown. Check your phone first. Dial %1 again?</source>
        <translation>
            <numerusform>%n 分钟前拨打 %1 的结果未知，呼叫可能已经发出。请先查看您的手机。要再次拨打 %1 吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Dial again</source>
        <translation>再次拨打(&amp;D)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open a&amp;gain</source>
        <translation>重新打开(&amp;G)</translation>
    </message>
    <message>
        <source>Problem with the number</source>
        <translation>号码的问题</translation>
    </message>
    <message>
        <source>Calls the number typed, or else the selected contact: your phone rings first.</source>
        <translation>拨打输入的号码，没有输入时拨打选中的联系人：您的手机会先响铃。</translation>
    </message>
    <message>
        <source>Acc&amp;ount:</source>
        <translation>账号(&amp;O)：</translation>
    </message>
    <message>
        <source>Con&amp;tacts</source>
        <translation>联系人(&amp;T)</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>通话记录(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>OneDial user guide</source>
        <translation>OneDial 使用说明</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Search the contacts</source>
        <translation>搜索联系人</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Call the selected contact, or the first match</source>
        <translation>拨打选中的联系人，或第一个匹配的联系人</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下方向键</translation>
    </message>
    <message>
        <source>From the search into the list</source>
        <translation>从搜索框进入联系人列表</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Clear the search; pressed again, close the window</source>
        <translation>清空搜索；再按一次关闭窗口</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Edit the selected contact</source>
        <translation>编辑选中的联系人</translation>
    </message>
    <message>
        <source>Delete the selected contact</source>
        <translation>删除选中的联系人</translation>
    </message>
    <message>
        <source>Undo the delete, while offered</source>
        <translation>撤销删除（提示仍在时）</translation>
    </message>
    <message>
        <source>Reload contacts and history</source>
        <translation>重新载入联系人和通话记录</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>The next control</source>
        <translation>下一个控件</translation>
    </message>
    <message>
        <source>Space or Enter</source>
        <translation>空格或 Enter</translation>
    </message>
    <message>
        <source>Press the focused button</source>
        <translation>按下当前按钮</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Type a name, company, number or pinyin initials; Enter calls the first match, Down goes to the list.</source>
        <translation>输入姓名、公司、号码或拼音首字母；按 Enter 拨打第一个匹配项，按下方向键进入列表。</translation>
    </message>
    <message>
        <source>The OneNET account the next call goes through.</source>
        <translation>下一次拨号使用的 OneNET 账号。</translation>
    </message>
    <message>
        <source>Enter or a double-click calls the selected contact; Delete deletes it; a click on the star marks a favourite.</source>
        <translation>按 Enter 或双击拨打选中的联系人；按 Delete 删除；点击星标设为常用联系人。</translation>
    </message>
    <message>
        <source>Contacts and history</source>
        <translation>联系人和通话记录</translation>
    </message>
    <message>
        <source>No contacts yet.

Contacts &gt; New contact (Ctrl+N) adds one; File &gt; Import contacts brings them from a phone, Outlook, Google or a CRM.
Any number can be dialled from the Number field meanwhile.</source>
        <translation>还没有联系人。

“联系人 &gt; 新建联系人”（Ctrl+N）可添加联系人；“文件 &gt; 导入联系人”可从手机、Outlook、Google 或 CRM 导入。
在此之前，也可以在“号码”框中直接拨打任意号码。</translation>
    </message>
    <message>
        <source>No contacts yet</source>
        <translation>还没有联系人</translation>
    </message>
</context>
<context>
    <name>onedial::NumberChoiceDialog</name>
    <message>
        <source>Call %1</source>
        <translation>拨打 %1</translation>
    </message>
    <message>
        <source>Numbers of %1</source>
        <translation>%1 的号码</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>&amp;Dial</source>
        <translation>拨打(&amp;D)</translation>
    </message>
    <message>
        <source>%1 has several numbers. Which one?</source>
        <translation>%1 有多个号码，要拨打哪一个？</translation>
    </message>
</context>
<context>
    <name>onedial::QuickDialPopup</name>
    <message>
        <source>Quick dial</source>
        <translation>快速拨号</translation>
    </message>
    <message>
        <source>Account used for quick dial</source>
        <translation>快速拨号使用的账号</translation>
    </message>
    <message>
        <source>Name or number to call</source>
        <translation>要拨打的姓名或号码</translation>
    </message>
    <message>
        <source>Name, pinyin or number</source>
        <translation>姓名、拼音或号码</translation>
    </message>
    <message>
        <source>Matching contacts</source>
        <translation>匹配的联系人</translation>
    </message>
    <message>
        <source>Quick dial hint</source>
        <translation>快速拨号提示</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>拨打 %1</translation>
    </message>
    <message>
        <source>A number that is not in your contacts</source>
        <translation>不在联系人中的号码</translation>
    </message>
    <message>
        <source>No contact matches &quot;%1&quot;. Type a whole number to call it.</source>
        <translation>没有与“%1”匹配的联系人。输入完整号码即可拨打。</translation>
    </message>
    <message>
        <source>No contacts yet: type a number to call it.</source>
        <translation>还没有联系人：输入号码即可拨打。</translation>
    </message>
    <message>
        <source>Up and Down to choose, Enter to call, Esc to close.</source>
        <translation>按 ↑↓ 选择，Enter 拨打，Esc 关闭。</translation>
    </message>
    <message>
        <source>No account: open the window to set one up</source>
        <translation>没有账号：请打开主窗口进行设置</translation>
    </message>
    <message>
        <source>%1 (not ready)</source>
        <translation>%1（未就绪）</translation>
    </message>
    <message>
        <source>The selected text has %1, which OneDial cannot call: %2</source>
        <translation>选中的文字中有 %1，OneDial 无法拨打：%2</translation>
    </message>
    <message>
        <source>Nothing is selected. Select a phone number in any program and press %1 again, or type a name or number here.</source>
        <translation>没有选中任何内容。请在任何程序中选中电话号码后再按 %1，或在此输入姓名或号码。</translation>
    </message>
    <message>
        <source>No phone number in the selected text. Type a name or number to call.</source>
        <translation>选中的文字中没有电话号码。请输入要拨打的姓名或号码。</translation>
    </message>
    <message>
        <source>Call %1, %2</source>
        <translation>拨打 %1，%2</translation>
    </message>
    <message numerus="yes">
        <source>%n numbers in the selected text: Up and Down to choose, Enter to call.</source>
        <translation>
            <numerusform>选中的文字中有 %n 个号码：用上下键选择，按 Enter 拨打。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onedial::SetupCheck</name>
    <message>
        <source>Could not reach %1: no answer within the %2-second limit. Check this computer&apos;s internet connection, proxy and firewall.</source>
        <translation>无法连接 %1：%2 秒内没有应答。请检查本机的网络连接、代理和防火墙。</translation>
    </message>
    <message>
        <source>The access key decodes and signs a token (%1), as each call will.</source>
        <translation>访问密钥可以解码并签出令牌（%1），与每次呼叫时一样。</translation>
    </message>
    <message>
        <source>The sponsor number %1 and your phone %2 are numbers OneNET takes.</source>
        <translation>业务号码 %1 和您的手机 %2 都是 OneNET 接受的号码。</translation>
    </message>
    <message>
        <source>This computer reached %1 and completed a TLS handshake with it. Nothing was sent over the connection.</source>
        <translation>本机已连接 %1 并完成 TLS 握手。连接上没有发送任何内容。</translation>
    </message>
    <message>
        <source>This computer reached %1 (plain HTTP, which OneDial uses only on this computer). Nothing was sent over the connection.</source>
        <translation>本机已连接 %1（普通 HTTP，OneDial 只在本机上使用）。连接上没有发送任何内容。</translation>
    </message>
    <message>
        <source>Reached %1, but its certificate is not trusted (%2). OneDial sends no call to a host it cannot verify.</source>
        <translation>已连接 %1，但它的证书不受信任（%2）。OneDial 不会向无法验证的主机发送呼叫。</translation>
    </message>
    <message>
        <source>Could not reach %1: %2. Check this computer&apos;s internet connection, proxy and firewall.</source>
        <translation>无法连接 %1：%2。请检查本机的网络连接、代理和防火墙。</translation>
    </message>
    <message>
        <source>Could not reach %1: %2.</source>
        <translation>无法连接 %1：%2。</translation>
    </message>
    <message>
        <source>OneNET checks the appid and the access key only when a call is placed, so your first real call is the test: if OneNET refuses it with code 000002, check the appid and the account; with 000015, check the access key and this computer&apos;s clock.</source>
        <translation>OneNET 只在发起呼叫时才检查 appid 和访问密钥，所以第一次真实拨号就是检验：如果 OneNET 以代码 000002 拒绝，请检查 appid 和账号；如果是 000015，请检查访问密钥和本机时钟。</translation>
    </message>
    <message>
        <source>OneNET checks the user id and the access key only when a call is placed, so your first real call is the test: if OneNET refuses it, OneDial shows OneNET&apos;s reason, such as iot.vcs.userIdNotExist for a user id it does not know.</source>
        <translation>OneNET 只在发起呼叫时才检查用户 ID 和访问密钥，所以第一次真实拨号就是检验：如果 OneNET 拒绝，OneDial 会显示 OneNET 给出的原因，例如用户 ID 不存在时的 iot.vcs.userIdNotExist。</translation>
    </message>
    <message>
        <source>The token has the form of a gateway token; the gateway itself checks it next.</source>
        <translation>令牌格式符合网关令牌；接下来由网关本身核对。</translation>
    </message>
    <message>
        <source>Not asked yet: the gateway is asked only with a token in the right form.</source>
        <translation>尚未询问网关：只有令牌格式正确时才会询问网关。</translation>
    </message>
    <message>
        <source>%1 answered, but not as a OneDial gateway (HTTP %2). Check the gateway address your administrator gave you.</source>
        <translation>%1 有应答，但不是 OneDial 网关的应答（HTTP %2）。请核对管理员给你的网关地址。</translation>
    </message>
    <message>
        <source>%1 It has its OneNET account and is ready to place your calls.</source>
        <translation>%1 网关已设置 OneNET 账号，可以为你发起呼叫。</translation>
    </message>
    <message>
        <source>The gateway at %1 answered: %2</source>
        <translation>%1 上的网关答复：%2</translation>
    </message>
    <message>
        <source>%1 But: %2</source>
        <translation>%1 但是：%2</translation>
    </message>
    <message>
        <source>The gateway accepted your token: you are %1, and it rings your phone %2 first.</source>
        <translation>网关接受了你的令牌：你是 %1，呼叫时先拨打你的电话 %2。</translation>
    </message>
    <message>
        <source>%1 Calls today: %2 of the %3 you may place.</source>
        <translation>%1 今日已呼叫 %2 次，上限 %3 次。</translation>
    </message>
    <message>
        <source>Reached %1, but it did not complete a TLS handshake (%2). Check that the address is an HTTPS address.</source>
        <translation>已连上 %1，但未能完成 TLS 握手（%2）。请确认地址是 HTTPS 地址。</translation>
    </message>
    <message>
        <source>Could not reach %1: the connection was refused. Check the address and any firewall on the way.</source>
        <translation>无法连接 %1：连接被拒绝。请检查地址以及途中的防火墙。</translation>
    </message>
    <message>
        <source>Could not reach %1: the name was not found. Check this computer&apos;s internet connection and the address.</source>
        <translation>无法连接 %1：找不到该域名。请检查本机的网络连接和地址。</translation>
    </message>
    <message>
        <source>Your team&apos;s gateway holds the OneNET account, which OneNET itself checks only when a call is placed: if OneNET refuses a call, OneDial shows OneNET&apos;s reason. Tell your administrator, who sees every call in the gateway&apos;s audit log.</source>
        <translation>OneNET 账号由团队网关持有，OneNET 只在发起呼叫时才核对它：如果 OneNET 拒绝呼叫，OneDial 会显示 OneNET 给出的原因。请告知管理员，他可以在网关的审计日志中看到每一次呼叫。</translation>
    </message>
</context>
<context>
    <name>onedial::SetupTestPage</name>
    <message>
        <source>&amp;Run the test again</source>
        <translation>重新测试(&amp;R)</translation>
    </message>
    <message>
        <source>Test the set-up</source>
        <translation>测试设置</translation>
    </message>
    <message>
        <source>OneDial checks what it can without placing a call: nothing is sent to the dial service and nothing is billed.</source>
        <translation>OneDial 在不拨打电话的前提下尽可能检查：不会向拨号服务发送任何请求，也不会产生费用。</translation>
    </message>
    <message>
        <source>Access key:</source>
        <translation>访问密钥：</translation>
    </message>
    <message>
        <source>Numbers:</source>
        <translation>号码：</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>连接：</translation>
    </message>
    <message>
        <source>Run the test again</source>
        <translation>重新测试</translation>
    </message>
    <message>
        <source>Checks the key, the numbers and the connection once more.</source>
        <translation>再次检查密钥、号码和连接。</translation>
    </message>
    <message>
        <source>Go back to correct what failed, or finish now and correct it later under Accounts &gt; Manage accounts.</source>
        <translation>返回修改未通过的项目，或者现在完成，稍后在“账号 &gt; 管理账号”中修改。</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>正在检查</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Gateway token:</source>
        <translation>网关令牌：</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>网关：</translation>
    </message>
</context>
<context>
    <name>onedial::SetupWizard</name>
    <message>
        <source>Welcome to OneDial</source>
        <translation>欢迎使用 OneDial</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>OneDial places calls through China Mobile&apos;s OneNET voice service: OneNET rings your phone first, then connects you to the person you called.</source>
        <translation>OneDial 通过中国移动 OneNET 语音服务拨号：先呼叫您的手机，再接通对方。</translation>
    </message>
    <message>
        <source>Try the &amp;sandbox</source>
        <translation>试用沙盒(&amp;S)</translation>
    </message>
    <message>
        <source>A simulated OneNET on this computer. It places no calls and needs no account; you can set up your account later.</source>
        <translation>在本机模拟的 OneNET。不会拨出电话，也不需要账号；您可以稍后再设置账号。</translation>
    </message>
    <message>
        <source>Try the sandbox</source>
        <translation>试用沙盒</translation>
    </message>
    <message>
        <source>Set up &amp;my OneNET account</source>
        <translation>设置我的 OneNET 账号(&amp;M)</translation>
    </message>
    <message>
        <source>You need, from the OneNET console: the appid or user id, the access key and the sponsor number OneNET issued to you.</source>
        <translation>您需要从 OneNET 控制台获取：appid 或用户 ID、访问密钥，以及 OneNET 分配给您的业务号码。</translation>
    </message>
    <message>
        <source>Set up my OneNET account</source>
        <translation>设置我的 OneNET 账号</translation>
    </message>
    <message>
        <source>Your OneNET account</source>
        <translation>您的 OneNET 账号</translation>
    </message>
    <message>
        <source>Copy these from the OneNET console. The access key is kept in the system keychain, never in a file.</source>
        <translation>请从 OneNET 控制台复制以下内容。访问密钥保存在系统钥匙串中，绝不写入文件。</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>OneNET rings your phone from the sponsor number, then connects you to the person you called.</source>
        <translation>OneNET 用业务号码呼叫您的手机，再为您接通对方。</translation>
    </message>
    <message>
        <source>&amp;Advanced settings</source>
        <translation>高级设置(&amp;A)</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>高级设置</translation>
    </message>
    <message>
        <source>Shows the account name, the signing method, the endpoint and the status callback.</source>
        <translation>显示账号名称、签名方法、服务地址和状态回调。</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Does this account place calls with a OneNET account of your own, or through your team&apos;s gateway?</source>
        <translation>此账号是用你自己的 OneNET 账号呼叫，还是通过团队网关呼叫？</translation>
    </message>
    <message>
        <source>Use my &amp;team&apos;s gateway</source>
        <translation>使用团队网关(&amp;T)</translation>
    </message>
    <message>
        <source>Your company&apos;s OneDial gateway places the calls. You need the gateway&apos;s address and the token your administrator gave you.</source>
        <translation>由公司的 OneDial 网关发起呼叫。你需要网关地址和管理员发给你的令牌。</translation>
    </message>
    <message>
        <source>Use my team&apos;s gateway</source>
        <translation>使用团队网关</translation>
    </message>
    <message>
        <source>Your team&apos;s gateway</source>
        <translation>团队网关</translation>
    </message>
    <message>
        <source>Your administrator gives you the gateway&apos;s address and a token of your own. The gateway rings your own phone first, then the person you called.</source>
        <translation>管理员会给你网关地址和你个人的令牌。网关先拨打你自己的电话，再接通你要呼叫的人。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
</context>
<context>
    <name>onedial::StatusModel</name>
    <message>
        <source>Calling…</source>
        <translation>正在呼叫…</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <source>Number: %1</source>
        <translation>号码：%1</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API：%1</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>返回码：%1</translation>
    </message>
    <message>
        <source>Call id: %1</source>
        <translation>通话 ID：%1</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>请求 ID：%1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP 状态码：%1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Service message: %1</source>
        <translation>服务消息：%1</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>说明：%1</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <source>Sending the request to OneNET…</source>
        <translation>正在向 OneNET 发送请求…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对方</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Progress: %1</source>
        <translation>进展：%1</translation>
    </message>
</context>
<context>
    <name>onedial::StatusPanel</name>
    <message>
        <source>Call details</source>
        <translation>呼叫详情</translation>
    </message>
    <message>
        <source>Copy call details</source>
        <translation>复制呼叫详情</translation>
    </message>
    <message>
        <source>Show this session&apos;s dials</source>
        <translation>显示本次拨号记录</translation>
    </message>
    <message>
        <source>Last call outcome</source>
        <translation>最近一次拨号结果</translation>
    </message>
    <message>
        <source>Outcome icon</source>
        <translation>结果图标</translation>
    </message>
    <message>
        <source>The codes and ids of the selected call, to read or copy.</source>
        <translation>选中呼叫的代码和编号，可查看或复制。</translation>
    </message>
    <message>
        <source>This session&apos;s dials</source>
        <translation>本次拨号记录</translation>
    </message>
    <message numerus="yes">
        <source>Dials this session (%n)</source>
        <translation>
            <numerusform>本次拨号记录（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>No calls yet. Pick a contact and press Enter, or type a number.</source>
        <translation>还没有拨号。选择联系人后按 Enter，或输入号码。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Deta&amp;ils…</source>
        <translation>详情(&amp;I)…</translation>
    </message>
    <message>
        <source>Unfolds or folds the list of the calls made since OneDial started.</source>
        <translation>展开或收起 OneDial 启动以来的拨号列表。</translation>
    </message>
    <message>
        <source>%1 %2, %3: %4</source>
        <translation>%1 %2，%3：%4</translation>
    </message>
</context>
<context>
    <name>onedial::TokenCommand</name>
    <message>
        <source>Print the Authorization header value for the given fields. The access key is read from standard input.</source>
        <translation>根据给定字段输出 Authorization 请求头的值。访问密钥从标准输入读取。</translation>
    </message>
    <message>
        <source>Resource, such as onenet_voice/APPID or userid/ID.</source>
        <translation>资源（res），例如 onenet_voice/APPID 或 userid/ID。</translation>
    </message>
    <message>
        <source>Expiry time, Unix seconds.</source>
        <translation>过期时间（et），以秒为单位的 Unix 时间。</translation>
    </message>
    <message>
        <source>md5, sha1 or sha256.</source>
        <translation>签名方式：md5、sha1 或 sha256。</translation>
    </message>
    <message>
        <source>Token version, such as v1 or 2020-05-29.</source>
        <translation>令牌版本，例如 v1 或 2020-05-29。</translation>
    </message>
    <message>
        <source>--res is required.</source>
        <translation>必须提供 --res。</translation>
    </message>
    <message>
        <source>--version is required.</source>
        <translation>必须提供 --version。</translation>
    </message>
    <message>
        <source>--et must be a Unix time in seconds, such as 1672735919.</source>
        <translation>--et 必须是以秒为单位的 Unix 时间，例如 1672735919。</translation>
    </message>
    <message>
        <source>--et looks like milliseconds; OneNET expects seconds.</source>
        <translation>--et 看起来是毫秒；OneNET 要求以秒为单位。</translation>
    </message>
    <message>
        <source>--method must be md5, sha1 or sha256.</source>
        <translation>--method 只能是 md5、sha1 或 sha256。</translation>
    </message>
    <message>
        <source>Access key: </source>
        <translation>访问密钥：</translation>
    </message>
</context>
<context>
    <name>onedial::TrayController</name>
    <message>
        <source>&amp;Quick dial…</source>
        <translation>快速拨号(&amp;Q)…</translation>
    </message>
    <message>
        <source>&amp;Notify call outcomes</source>
        <translation>通知呼叫结果(&amp;N)</translation>
    </message>
    <message>
        <source>Q&amp;uit OneDial</source>
        <translation>退出 OneDial(&amp;U)</translation>
    </message>
    <message>
        <source>OneDial tray menu</source>
        <translation>OneDial 托盘菜单</translation>
    </message>
    <message>
        <source>OneDial is still running</source>
        <translation>OneDial 仍在运行</translation>
    </message>
    <message>
        <source>It stays in the tray, ready to dial: click the icon for quick dial, or use its menu to show the window again or to quit.</source>
        <translation>OneDial 会留在托盘中随时待命：单击图标可快速拨号，也可以通过图标菜单重新显示窗口或退出。</translation>
    </message>
    <message>
        <source>No account is set up yet.</source>
        <translation>尚未设置账号。</translation>
    </message>
    <message>
        <source>%1: ready to dial.</source>
        <translation>%1：可以拨号。</translation>
    </message>
    <message>
        <source>%1: not ready. Finish its set-up in Accounts &gt; Manage accounts.</source>
        <translation>%1：尚未就绪。请在“账号 &gt; 管理账号”中完成设置。</translation>
    </message>
    <message>
        <source>OneDial</source>
        <translation>OneDial</translation>
    </message>
    <message>
        <source>&amp;Hide window</source>
        <translation>隐藏窗口(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Show window</source>
        <translation>显示窗口(&amp;S)</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>More favourites in the window…</source>
        <translation>在窗口中查看更多收藏…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>最近呼叫</translation>
    </message>
    <message>
        <source>Call accepted: %1</source>
        <translation>呼叫已受理：%1</translation>
    </message>
    <message>
        <source>Call refused (%1): %2</source>
        <translation>呼叫被拒绝（%1）：%2</translation>
    </message>
    <message>
        <source>Not dialled: %1</source>
        <translation>未拨打：%1</translation>
    </message>
    <message>
        <source>Call failed: %1</source>
        <translation>呼叫失败：%1</translation>
    </message>
    <message>
        <source>Outcome unknown: %1</source>
        <translation>结果未知：%1</translation>
    </message>
    <message>
        <source>Call not connected: %1</source>
        <translation>未接通：%1</translation>
    </message>
    <message>
        <source>Call ended: %1</source>
        <translation>通话结束：%1</translation>
    </message>
</context>
</TS>
