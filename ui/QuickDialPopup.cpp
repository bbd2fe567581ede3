#include "QuickDialPopup.h"

#include "OutcomeIcon.h"
#include "contacts/ContactModel.h"
#include "contacts/PhoneLabels.h"
#include "core/UserText.h"
#include "phone/PhoneNumber.h"

#include <QApplication>
#include <QClipboard>
#include <QCursor>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QScreen>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <algorithm>

namespace onedial {

namespace {

bool hasDigit(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
}

// A phone number written with letters or an extension ("138 0013 800O", "0755 2800 0003 x99"):
// meant as a number that OneDial must refuse, so the reason is worth showing even beside matches.
bool isRefusedNumber(const PhoneNumber &number)
{
    return number.looksMeantAsNumber() && (number.problem() == PhoneNumber::Problem::Letters ||
                                           number.problem() == PhoneNumber::Problem::Extension);
}

constexpr int kWidth = 480;
constexpr int kVisibleRows = 6;

enum Role {
    NameRole = Qt::UserRole + 1,
    DetailRole, // label and company
    NumberRole, // display form
    TypedRole,  // true: the typed number, not a contact
};

// Soft colours for the initials, the same one for a name every time.
QColor avatarColour(const QString &name)
{
    static const QColor colours[] = {QColor(0x1f, 0x6f, 0xeb), QColor(0x1a, 0x7f, 0x37),
                                     QColor(0x82, 0x50, 0xdf), QColor(0xbf, 0x39, 0x89),
                                     QColor(0xbc, 0x4c, 0x00), QColor(0x0a, 0x7e, 0x8c)};
    return colours[qHash(name) % std::size(colours)];
}

// Paints a match as the eye reads it: initials, the name in bold with its label and company
// under it, the number at the right.
class MatchDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static int rowHeight(const QFontMetrics &metrics) { return 2 * metrics.height() + 14; }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {option.rect.width(), rowHeight(option.fontMetrics)};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const bool selected = option.state & QStyle::State_Selected;
        const QPalette &palette = option.palette;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->fillRect(option.rect, selected ? palette.highlight() : palette.base());
        const QColor text = selected ? palette.highlightedText().color() : palette.text().color();
        QColor faint = text;
        faint.setAlphaF(0.62f);

        const QRect row = option.rect.adjusted(10, 0, -12, 0);
        const int side = option.fontMetrics.height() + 8;
        const QRect avatar(row.left(), row.center().y() - side / 2, side, side);
        const QString name = index.data(NameRole).toString();
        if (index.data(TypedRole).toBool()) {
            outcomeIcon(QStringLiteral("calling")).paint(painter, avatar);
        } else {
            painter->setPen(Qt::NoPen);
            painter->setBrush(avatarColour(name));
            painter->drawEllipse(avatar);
            QFont initialFont = option.font;
            initialFont.setBold(true);
            painter->setFont(initialFont);
            painter->setPen(Qt::white);
            painter->drawText(avatar, Qt::AlignCenter, name.left(1).toUpper());
        }

        const QString number = index.data(NumberRole).toString();
        const int numberWidth = option.fontMetrics.horizontalAdvance(number);
        const QRect numberRect(row.right() - numberWidth, row.top(), numberWidth, row.height());
        painter->setFont(option.font);
        painter->setPen(text);
        painter->drawText(numberRect, Qt::AlignRight | Qt::AlignVCenter, number);

        const int textLeft = avatar.right() + 10;
        const int textWidth = numberRect.left() - 12 - textLeft;
        const int lineHeight = option.fontMetrics.height();
        const int top = row.center().y() - lineHeight - 1;
        QFont nameFont = option.font;
        nameFont.setBold(true);
        painter->setFont(nameFont);
        painter->drawText(QRect(textLeft, top, textWidth, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(nameFont).elidedText(name, Qt::ElideRight, textWidth));
        QFont detailFont = option.font;
        detailFont.setPointSizeF(option.font.pointSizeF() * 0.9);
        painter->setFont(detailFont);
        painter->setPen(faint);
        painter->drawText(QRect(textLeft, top + lineHeight + 2, textWidth, lineHeight),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(detailFont)
                              .elidedText(index.data(DetailRole).toString(), Qt::ElideRight, textWidth));
        painter->restore();
    }
};

QString joinedDetail(const QString &label, const QString &company)
{
    if (label.isEmpty() || company.isEmpty())
        return label + company;
    return label + QStringLiteral(" · ") + company;
}

} // namespace

QuickDialPopup::QuickDialPopup(DialController *controller, const ContactModel *contacts, QWidget *parent)
    : QWidget(parent, Qt::Tool | Qt::WindowStaysOnTopHint | Qt::FramelessWindowHint)
    , m_controller(controller)
    , m_contacts(contacts)
    , m_account(new QLabel(this))
    , m_field(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_hint(new QLabel(this))
{
    setWindowTitle(tr("Quick dial"));
    setAccessibleName(tr("Quick dial"));
    setFixedWidth(kWidth);

    // Frameless, so the popup draws its own edge; the palette keeps it right in a dark theme.
    auto *frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("quickDialFrame"));
    frame->setStyleSheet(QStringLiteral("QFrame#quickDialFrame { background: palette(base); "
                                        "border: 1px solid palette(dark); }"));

    auto *title = new QLabel(tr("Quick dial"), frame);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);
    // Plain text: the account's name and what is typed are shown as written, never as markup.
    m_account->setTextFormat(Qt::PlainText);
    m_hint->setTextFormat(Qt::PlainText);
    title->setTextFormat(Qt::PlainText);
    m_account->setAccessibleName(tr("Account used for quick dial"));
    m_account->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_account->setStyleSheet(QStringLiteral("color: palette(dark);"));

    m_field->setAccessibleName(tr("Name or number to call"));
    m_field->setPlaceholderText(tr("Name, pinyin or number"));
    m_field->setClearButtonEnabled(true);
    QFont fieldFont = m_field->font();
    fieldFont.setPointSizeF(fieldFont.pointSizeF() * 1.35);
    m_field->setFont(fieldFont);
    m_field->setStyleSheet(QStringLiteral("QLineEdit { padding: 6px 8px; }"));
    m_field->installEventFilter(this);

    m_list->setAccessibleName(tr("Matching contacts"));
    m_list->setItemDelegate(new MatchDelegate(m_list));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Keys stay in the field; the list follows them.
    m_list->setFocusPolicy(Qt::NoFocus);

    m_hint->setAccessibleName(tr("Quick dial hint"));
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: palette(dark);"));

    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addWidget(m_account, 1);
    auto *inner = new QVBoxLayout(frame);
    inner->setContentsMargins(12, 10, 12, 10);
    inner->setSpacing(8);
    inner->addLayout(header);
    inner->addWidget(m_field);
    inner->addWidget(m_list);
    inner->addWidget(m_hint);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(frame);

    connect(m_field, &QLineEdit::textChanged, this, &QuickDialPopup::search);
    connect(m_list, &QListWidget::itemActivated, this, &QuickDialPopup::dialHighlighted);
    // Contacts edited in the window while the popup is open show up at once.
    connect(m_contacts, &ContactModel::loaded, this, [this] {
        if (isVisible())
            search(m_field->text());
    });
    search({});
}

QuickDialPopup::~QuickDialPopup() = default;

void QuickDialPopup::popUp()
{
    m_selectedNumbers.clear();
    m_selectionHint.clear();
    // A number copied from a mail or a web page: pre-filled and selected, so Enter calls it and
    // typing anything replaces it.
    const QString clipboard = QGuiApplication::clipboard()->text().trimmed();
    // One written with letters or an extension is shown too, with the reason it cannot be dialled.
    const PhoneNumber copied = PhoneNumber::parse(clipboard);
    const bool number = !clipboard.isEmpty() && clipboard.size() <= kMaxClipboardLength &&
                        (copied.isValid() || isRefusedNumber(copied));
    present(number ? clipboard : QString());
}

void QuickDialPopup::popUpWithSelection(const QString &selected, const QString &shortcut)
{
    const QList<FoundNumber> found = NumberFinder::find(selected);
    const QList<FoundNumber> dialable = NumberFinder::dialableOf(found);
    m_selectedNumbers.clear();
    m_selectionHint.clear();
    if (dialable.size() == 1) {
        present(dialable.first().written);
        return;
    }
    if (dialable.size() > 1) {
        m_selectedNumbers = dialable.mid(0, kMaxRows);
        present({});
        return;
    }
    // No number to call: a short selection meant as one ("138 0013 800O") is shown with what is
    // wrong with it; otherwise the hint says why the list is empty.
    const QString trimmed = selected.trimmed();
    const PhoneNumber asNumber = PhoneNumber::parse(trimmed);
    if (!found.isEmpty())
        m_selectionHint = tr("The selected text has %1, which OneDial cannot call: %2")
                              .arg(found.first().written, found.first().number.problemText());
    else if (!trimmed.isEmpty() && trimmed.size() <= kMaxClipboardLength && isRefusedNumber(asNumber)) {
        present(trimmed);
        return;
    } else if (trimmed.isEmpty())
        m_selectionHint = tr("Nothing is selected. Select a phone number in any program and press %1 again, "
                             "or type a name or number here.")
                              .arg(shortcut);
    else
        m_selectionHint = tr("No phone number in the selected text. Type a name or number to call.");
    present({});
}

void QuickDialPopup::present(const QString &fieldText)
{
    updateAccountLine();
    m_field->setText(fieldText);
    search(m_field->text()); // also when the text did not change: the contacts may have
    m_field->selectAll();

    const QScreen *screen = QGuiApplication::screenAt(QCursor::pos());
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (screen) {
        const QRect area = screen->availableGeometry();
        move(area.center().x() - width() / 2, area.top() + area.height() / 5);
    }
    m_wasActive = false;
    show();
    raise();
    activateWindow();
    m_field->setFocus(Qt::PopupFocusReason);
}

std::optional<DialTarget> QuickDialPopup::highlightedTarget() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_targets.size())
        return std::nullopt;
    return m_targets.at(row);
}

void QuickDialPopup::listSelectedNumbers()
{
    for (const FoundNumber &found : std::as_const(m_selectedNumbers)) {
        const QString shown = found.number.displayForm();
        auto *item = new QListWidgetItem(m_list);
        item->setText(tr("Call %1, %2").arg(shown, found.context));
        item->setData(NameRole, tr("Call %1").arg(shown));
        item->setData(DetailRole, found.context);
        item->setData(TypedRole, true);
        m_targets.append({found.number, {}, std::nullopt});
    }
    m_list->setCurrentRow(0);
    m_hint->setText(tr("%n numbers in the selected text: Up and Down to choose, Enter to call.", "",
                       int(m_selectedNumbers.size())));
    fitHeight();
}

void QuickDialPopup::search(const QString &typed)
{
    m_list->clear();
    m_targets.clear();
    if (typed.isEmpty() && !m_selectedNumbers.isEmpty()) {
        listSelectedNumbers();
        return;
    }
    if (m_search.index() != m_contacts->contactIndex())
        m_search.setIndex(m_contacts->contactIndex());
    const PhoneNumber typedNumber = PhoneNumber::parse(typed);
    // A number with letters or an extension offers nothing to call: its digits would match other
    // numbers that start alike, and Enter would call one of them instead of the number meant.
    const bool refused = isRefusedNumber(typedNumber);
    const QList<int> &matches = m_search.setQuery(typed);
    const ContactIndex *index = m_search.index().get();
    bool typedIsListed = false;

    // One row per number, so Enter always calls exactly the number shown.
    for (int position : matches) {
        if (refused || m_targets.size() >= kMaxRows)
            break;
        const QString name = index->name(position);
        const QString company = index->company(position);
        for (const ContactNumber &number : index->numbers(position)) {
            auto *item = new QListWidgetItem(m_list);
            item->setText(
                tr("%1, %2").arg(name, joinedDetail(PhoneLabels::shown(number.label), number.display)));
            item->setData(NameRole, name);
            item->setData(DetailRole, joinedDetail(PhoneLabels::shown(number.label), company));
            item->setData(NumberRole, number.display);
            m_targets.append({PhoneNumber::parse(number.apiForm), name, index->id(position)});
            typedIsListed =
                typedIsListed || (typedNumber.isValid() && number.apiForm == typedNumber.apiForm());
        }
    }
    if (typedNumber.isValid() && !typedIsListed) {
        auto *item = new QListWidgetItem(m_list);
        item->setText(tr("Call %1").arg(typedNumber.displayForm()));
        item->setData(NameRole, tr("Call %1").arg(typedNumber.displayForm()));
        item->setData(DetailRole, tr("A number that is not in your contacts"));
        item->setData(TypedRole, true);
        m_targets.append({typedNumber, {}, std::nullopt});
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);

    // Meant as a number (refused for its letters or extension, or nothing matched and it has
    // digits): say what is wrong with it.
    const bool meantAsNumber =
        refused || (m_list->count() == 0 && typedNumber.problem() != PhoneNumber::Problem::NotANumber &&
                    typedNumber.problem() != PhoneNumber::Problem::Empty && hasDigit(typed));
    if (typed.isEmpty() && !m_selectionHint.isEmpty())
        m_hint->setText(m_selectionHint);
    else if (meantAsNumber)
        m_hint->setText(typedNumber.problemText());
    else if (m_list->count() == 0 && !typed.trimmed().isEmpty())
        m_hint->setText(
            tr("No contact matches \"%1\". Type a whole number to call it.").arg(UserText::cleanLine(typed)));
    else if (m_list->count() == 0)
        m_hint->setText(tr("No contacts yet: type a number to call it."));
    else
        m_hint->setText(tr("Up and Down to choose, Enter to call, Esc to close."));
    fitHeight();
}

void QuickDialPopup::fitHeight()
{
    const int rows = qMin(int(m_list->count()), kVisibleRows);
    m_list->setVisible(rows > 0);
    m_list->setFixedHeight(rows * MatchDelegate::rowHeight(m_list->fontMetrics()) + 2);
    adjustSize();
}

void QuickDialPopup::moveHighlight(int steps)
{
    if (m_list->count() == 0)
        return;
    const int row = qBound(0, m_list->currentRow() + steps, int(m_list->count()) - 1);
    m_list->setCurrentRow(row);
    m_list->scrollToItem(m_list->item(row));
}

void QuickDialPopup::dialHighlighted()
{
    const auto target = highlightedTarget();
    if (!target) {
        if (!m_field->text().trimmed().isEmpty())
            QApplication::beep();
        return;
    }
    // The outcome shows in the window's status panel and as a tray notification; the popup's
    // job ends once the call is on its way.
    m_controller->dial(*target);
    close();
}

void QuickDialPopup::updateAccountLine()
{
    const QString current = m_controller->currentChoice();
    QString label;
    for (const DialController::Choice &choice : m_controller->choices()) {
        if (choice.id == current)
            label = choice.label;
    }
    if (label.isEmpty())
        m_account->setText(tr("No account: open the window to set one up"));
    else if (m_controller->isReady())
        m_account->setText(label);
    else
        m_account->setText(tr("%1 (not ready)").arg(label));
    m_account->setToolTip(UserText::toolTip(m_account->text()));
}

bool QuickDialPopup::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        switch (static_cast<QKeyEvent *>(event)->key()) {
        case Qt::Key_Up:
            moveHighlight(-1);
            return true;
        case Qt::Key_Down:
            moveHighlight(1);
            return true;
        case Qt::Key_PageUp:
            moveHighlight(-kVisibleRows);
            return true;
        case Qt::Key_PageDown:
            moveHighlight(kVisibleRows);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            dialHighlighted();
            return true;
        case Qt::Key_Escape:
            close();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool QuickDialPopup::event(QEvent *event)
{
    // Like a launcher: clicking elsewhere puts it away. Only after it has been active, so a window
    // manager that never hands it the focus cannot close it behind the user's back.
    if (event->type() == QEvent::WindowActivate)
        m_wasActive = true;
    else if (event->type() == QEvent::WindowDeactivate && m_wasActive && isVisible())
        close();
    return QWidget::event(event);
}

} // namespace onedial
