#include "SyntheticContacts.h"

#include "phone/PhoneNumber.h"

#include <QStringList>

#include <random>

namespace onedial::bench {

namespace {

// Roughly in order of frequency, so that a skewed pick gives many 王, 李 and 张.
const QStringList &surnames()
{
    static const QStringList list = QStringLiteral("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 "
                                                   "罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 "
                                                   "董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 "
                                                   "崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 "
                                                   "邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 "
                                                   "郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 单 "
                                                   "欧阳 司马 诸葛 上官")
                                        .split(QLatin1Char(' '));
    return list;
}

const QStringList &givenCharacters()
{
    static const QStringList list =
        QStringLiteral("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文辉玲鹏宇浩然子轩梓涵一诺欣怡"
                       "思雨佳琪雅晨阳俊博泽天佑嘉乐瑞凯志红梅海燕春雪飞龙凤玉珍云峰成亮林波斌健宁婷琳莉"
                       "晓东南北中新永德福寿康安")
            .split(QString(), Qt::SkipEmptyParts);
    return list;
}

const QStringList &latinNames()
{
    static const QStringList list = QStringLiteral("David Wang,Lisa Chen,Michael Zhang,Anna Li,Tom Liu,"
                                                   "Kevin Huang,Grace Zhou,Peter Wu,Zoë Müller,John Smith")
                                        .split(QLatin1Char(','));
    return list;
}

const QStringList &cities()
{
    static const QStringList list =
        QStringLiteral("北京 上海 深圳 广州 杭州 成都 武汉 南京 西安 重庆 苏州 天津").split(QLatin1Char(' '));
    return list;
}

const QStringList &brands()
{
    static const QStringList list =
        QStringLiteral("华信 中科 金桥 恒达 宏图 天成 博远 新世纪 东方 长城 联创 明德 瑞丰 鼎盛 蓝海 "
                       "星辰 远航 安泰 嘉禾 银河 正大 通达 万通 华南 华北 盛世 永泰 合众 海纳 九州 "
                       "启明 创新 泰和 信达 和平 光华 汇丰 兴业 国泰 鸿运")
            .split(QLatin1Char(' '));
    return list;
}

const QStringList &trades()
{
    static const QStringList list =
        QStringLiteral("科技 贸易 物流 电子 建材 医药 食品 机械 网络 咨询 传媒 教育 地产 化工 能源")
            .split(QLatin1Char(' '));
    return list;
}

// Area codes of the cities above, in the same order: a landline there has 8 digits.
const QStringList &areaCodes()
{
    static const QStringList list =
        QStringLiteral("010 021 0755 020 0571 028 027 025 029 023 0512 022").split(QLatin1Char(' '));
    return list;
}

const QStringList &mobilePrefixes()
{
    static const QStringList list =
        QStringLiteral("130 131 132 133 134 135 136 137 138 139 150 151 152 155 156 157 158 159 176 177 "
                       "178 180 181 182 183 185 186 187 188 189 198 199")
            .split(QLatin1Char(' '));
    return list;
}

class Generator final
{
public:
    explicit Generator(unsigned seed)
        : m_random(seed)
    {}

    int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_random); }
    bool chance(int percent) { return below(100) < percent; }
    // Favours the start of a list: common surnames come up more often.
    int skewedBelow(int n)
    {
        const double u = std::uniform_real_distribution<double>(0.0, 1.0)(m_random);
        return std::min(n - 1, int(u * u * n));
    }
    QString pick(const QStringList &list) { return list.at(below(int(list.size()))); }
    QString digits(int count)
    {
        QString text;
        for (int i = 0; i < count; ++i)
            text += QChar(u'0' + below(10));
        return text;
    }

    QString name()
    {
        if (chance(5))
            return pick(latinNames());
        QString name = surnames().at(skewedBelow(int(surnames().size())));
        name += pick(givenCharacters());
        if (chance(65))
            name += pick(givenCharacters());
        return name;
    }

    // Retries until libphonenumber accepts the number, as the store will check it.
    ContactNumber number(bool mobile, int city)
    {
        while (true) {
            const QString typed = mobile ? QString(pick(mobilePrefixes()) + digits(8))
                                         : QString(areaCodes().at(city) + QChar(u'2' + below(7)) + digits(7));
            const PhoneNumber parsed = PhoneNumber::parse(typed);
            if (parsed.isValid())
                return {mobile ? QStringLiteral("手机") : QStringLiteral("办公室"), parsed.apiForm(),
                        parsed.displayForm()};
        }
    }

private:
    std::mt19937 m_random;
};

} // namespace

QList<Contact> syntheticContacts(int count, unsigned seed)
{
    Generator generate(seed);
    QList<Contact> contacts;
    contacts.reserve(count);
    for (int i = 0; i < count; ++i) {
        Contact contact;
        contact.name = generate.name();
        const int city = generate.below(int(cities().size()));
        if (!generate.chance(10)) {
            contact.company = cities().at(city) + generate.pick(brands()) + generate.pick(trades()) +
                              QStringLiteral("有限公司");
        }
        contact.favourite = generate.chance(2);
        const int kind = generate.below(10);
        if (kind < 9)
            contact.numbers << generate.number(true, city);
        if (kind >= 7)
            contact.numbers << generate.number(false, city);
        if (generate.chance(3))
            contact.notes = QStringLiteral("老客户，周五下午联系");
        contacts << contact;
    }
    return contacts;
}

} // namespace onedial::bench
