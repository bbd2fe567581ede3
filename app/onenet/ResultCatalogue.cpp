#include "ResultCatalogue.h"

#include <QCoreApplication>

namespace onedial {

namespace {

QString translated(const char *advice)
{
    return QCoreApplication::translate("ResultCatalogue", advice);
}

} // namespace

const QList<ResultCode> &ResultCatalogue::v1Codes()
{
    static const QList<ResultCode> codes = {
        {"000000", "onenet_common_success", "success",
         QT_TRANSLATE_NOOP("ResultCatalogue",
                           "Call accepted. Your phone will ring first; answer it to be connected.")},
        {"000001", "onenet_common_systemBusy", "system busy, retry later",
         QT_TRANSLATE_NOOP(
             "ResultCatalogue",
             "The OneNET service is busy. No call was placed. Wait a minute, then dial again.")},
        {"000111", "onenet_common_systemException", "system error, retry later",
         QT_TRANSLATE_NOOP("ResultCatalogue", "The OneNET service had an internal error. No call was placed. "
                                              "Wait a minute, then dial again.")},
        {"000002", "onenet_common_authException", "authentication failed",
         QT_TRANSLATE_NOOP("ResultCatalogue", "OneNET did not recognise this account. Check the appid in the "
                                              "account settings against the OneNET console.")},
        {"000004", "onenet_common_invalidParams", "invalid parameter",
         QT_TRANSLATE_NOOP("ResultCatalogue", "OneNET refused the numbers in the request. Check the called "
                                              "number and the account's sponsor and caller numbers.")},
        {"000005", "onenet_common_invalidReqParams", "invalid request parameter",
         QT_TRANSLATE_NOOP("ResultCatalogue",
                           "OneNET refused the request's parameters. Check the account settings; if they are "
                           "right, report this to OneDial's maintainers.")},
        {"000006", "onenet_common_paramNullException", "a required parameter is empty",
         QT_TRANSLATE_NOOP(
             "ResultCatalogue",
             "A required field was empty. Fill in the account's sponsor and caller numbers and dial again.")},
        {"000012", "onenet_common_JsonException", "invalid JSON",
         QT_TRANSLATE_NOOP("ResultCatalogue", "OneNET could not read the request. This is a fault in "
                                              "OneDial: please report it with the details below.")},
        {"000014", "onenet_common_authorizationIsNull", "Authorization missing",
         QT_TRANSLATE_NOOP("ResultCatalogue", "The request carried no authorization. This is a fault in "
                                              "OneDial: please report it with the details below.")},
        {"000015", "onenet_common_authorizationFailed", "Authorization refused",
         QT_TRANSLATE_NOOP(
             "ResultCatalogue",
             "OneNET refused the authorization. Check that the access key belongs to this account, that the "
             "signing method matches the console, and that this computer's clock is right.")},
        {"001001", "onenet_iaepVoice_callIdNotExist", "call id does not exist",
         QT_TRANSLATE_NOOP("ResultCatalogue", "OneNET does not know this call id. No action is needed.")},
        {"001005", "onenet_iaepVoice_NumberFormatRrror", "bad number format",
         QT_TRANSLATE_NOOP("ResultCatalogue", "OneNET refused a number's format. Check the called number, "
                                              "and the sponsor and caller numbers in the account settings.")},
        {"001008", "onenet_iaepVoice_BusinessNumberMismatch", "sponsor/display does not match",
         QT_TRANSLATE_NOOP("ResultCatalogue", "The sponsor or display number does not match what OneNET "
                                              "issued to this account. Correct it in the account settings.")},
        {"001009", "onenet_iaepVoice_NotOpenTheBusiness", "service not opened",
         QT_TRANSLATE_NOOP("ResultCatalogue", "Click-to-dial is not opened for this account. Ask your OneNET "
                                              "administrator or China Mobile to open the voice service.")},
        {"001010", "onenet_iaepVoice_TheBusinessIsClosed", "service closed",
         QT_TRANSLATE_NOOP("ResultCatalogue", "Click-to-dial has been closed for this account. Ask your "
                                              "OneNET administrator or China Mobile to reopen it.")},
    };
    return codes;
}

const QList<ResultCode> &ResultCatalogue::v2Codes()
{
    static const QList<ResultCode> codes = {
        {"", "systemException", "system error",
         QT_TRANSLATE_NOOP("ResultCatalogue", "The OneNET service had an internal error. No call was placed. "
                                              "Wait a minute, then dial again.")},
        {"", "invalidParams", "invalid parameter",
         QT_TRANSLATE_NOOP("ResultCatalogue", "OneNET refused the numbers in the request. Check the called "
                                              "number and the account's sponsor and caller numbers.")},
        {"", "invalidReqParams", "invalid request parameter",
         QT_TRANSLATE_NOOP("ResultCatalogue",
                           "OneNET refused the request's parameters. Check the account settings; if they are "
                           "right, report this to OneDial's maintainers.")},
        {"", "paramNullException", "a required parameter is empty",
         QT_TRANSLATE_NOOP(
             "ResultCatalogue",
             "A required field was empty. Fill in the account's sponsor and caller numbers and dial again.")},
        {"", "invalidPageParams", "invalid paging parameters",
         QT_TRANSLATE_NOOP("ResultCatalogue", "OneNET reported invalid paging parameters, which a dial does "
                                              "not send. Please report this to OneDial's maintainers.")},
        {"", "alreadyExistsException", "already exists",
         QT_TRANSLATE_NOOP("ResultCatalogue", "OneNET reported that the record already exists. No call was "
                                              "placed; dial again if you still need to.")},
        {"", "recordsNotFoundException", "records not found",
         QT_TRANSLATE_NOOP("ResultCatalogue",
                           "OneNET found no matching records. Check the account settings.")},
        {"", "fileNotFoundException", "file not found",
         QT_TRANSLATE_NOOP("ResultCatalogue", "OneNET reported a missing file, which a dial does not use. "
                                              "Please report this to OneDial's maintainers.")},
        {"", "invalidJsonParams", "invalid JSON",
         QT_TRANSLATE_NOOP("ResultCatalogue", "OneNET could not read the request. This is a fault in "
                                              "OneDial: please report it with the details below.")},
        {"", "dateParseException", "date could not be parsed",
         QT_TRANSLATE_NOOP(
             "ResultCatalogue",
             "OneNET could not read a date in the request. Check this computer's date and time.")},
        {"", "callIdNotExist", "call id does not exist",
         QT_TRANSLATE_NOOP("ResultCatalogue", "OneNET does not know this call id. No action is needed.")},
        {"", "userIdNotExist", "user id does not exist",
         QT_TRANSLATE_NOOP("ResultCatalogue", "OneNET does not know this user id. Check the user id in the "
                                              "account settings against the OneNET console.")},
        {"", "numberFormatError", "bad number format",
         QT_TRANSLATE_NOOP("ResultCatalogue", "OneNET refused a number's format. Check the called number, "
                                              "and the sponsor and caller numbers in the account settings.")},
        {"", "userIdIsExist", "user id already exists",
         QT_TRANSLATE_NOOP("ResultCatalogue",
                           "OneNET reported that this user id already exists. Check the account settings.")},
        {"", "overTheExperienceNumber", "trial calls used up",
         QT_TRANSLATE_NOOP(
             "ResultCatalogue",
             "The trial account's free calls are used up. Upgrade the OneNET account to keep dialling.")},
        {"", "businessNumberMismatch", "sponsor/display does not match",
         QT_TRANSLATE_NOOP("ResultCatalogue", "The sponsor or display number does not match what OneNET "
                                              "issued to this account. Correct it in the account settings.")},
        {"", "notOpenTheBusiness", "service not opened",
         QT_TRANSLATE_NOOP("ResultCatalogue", "Click-to-dial is not opened for this account. Ask your OneNET "
                                              "administrator or China Mobile to open the voice service.")},
        {"", "theBusinessIsClosed", "service closed",
         QT_TRANSLATE_NOOP("ResultCatalogue", "Click-to-dial has been closed for this account. Ask your "
                                              "OneNET administrator or China Mobile to reopen it.")},
        {"", "ipWhiteListNotMatch", "source address not on the whitelist",
         QT_TRANSLATE_NOOP("ResultCatalogue",
                           "This computer's internet address is not on the account's IP whitelist. Add it in "
                           "the OneNET console, or dial from the whitelisted network.")},
        {"", "talkTimeIsLimit", "talk time limit reached",
         QT_TRANSLATE_NOOP(
             "ResultCatalogue",
             "The account has reached its talk-time limit. Ask your OneNET administrator to raise it.")},
        {"", "subscribeServiceFailed", "service subscription failed",
         QT_TRANSLATE_NOOP("ResultCatalogue", "The voice service subscription failed. Ask your OneNET "
                                              "administrator to check the subscription.")},
        {"", "notApplyTestAccount", "no test account applied for",
         QT_TRANSLATE_NOOP("ResultCatalogue", "No test account has been applied for. Apply for one in the "
                                              "OneNET console, or use a full account.")},
        {"", "testAccountIsInvalid", "test account invalid",
         QT_TRANSLATE_NOOP(
             "ResultCatalogue",
             "The test account is no longer valid. Apply for a new one or switch to a full account.")},
    };
    return codes;
}

const ResultCode *ResultCatalogue::findV1(const QString &codeNo)
{
    for (const ResultCode &code : v1Codes()) {
        if (codeNo == QLatin1String(code.codeNo))
            return &code;
    }
    return nullptr;
}

const ResultCode *ResultCatalogue::findV2(const QString &code)
{
    QString name = code;
    if (name.startsWith(QLatin1String("iot.vcs.")))
        name = name.mid(8);
    for (const ResultCode &entry : v2Codes()) {
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return &entry;
    }
    return nullptr;
}

QString ResultCatalogue::messageForV1(const QString &codeNo, const QString &serviceMessage)
{
    if (const ResultCode *code = findV1(codeNo))
        return translated(code->advice);
    return QCoreApplication::translate(
               "ResultCatalogue", "OneNET refused the call with code %1, which OneDial does not know (%2). "
                                  "No call was placed. Report the code to your OneNET administrator.")
        .arg(codeNo.left(32), serviceMessage.left(200));
}

QString ResultCatalogue::messageForV2(const QString &code, const QString &serviceMessage)
{
    if (const ResultCode *entry = findV2(code))
        return translated(entry->advice);
    return QCoreApplication::translate(
               "ResultCatalogue", "OneNET refused the call with code %1, which OneDial does not know (%2). "
                                  "No call was placed. Report the code to your OneNET administrator.")
        .arg(code.left(64), serviceMessage.left(200));
}

} // namespace onedial
