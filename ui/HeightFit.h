// Gives a window the height its contents need at its current width. A layout's minimum size does
// not count the lines that word-wrapped labels take (their height depends on the width), and a
// window keeps its height when that minimum shrinks: so notes that come and go under fields
// either squeeze the fields or leave a blank band, unless the window is fitted after each change.
// Both wait for the next turn of the event loop, so that the widgets shown have settled, and both
// set an absolute height: calling them twice in a row changes nothing.
#pragma once

class QWidget;

namespace onedial {

// A dialog: exactly the height its contents need, up or down, so no blank band stays below them.
void fitDialogHeight(QWidget *dialog);
// A wizard page: at least the height it needs, so that the wizard grows with it. A wizard does
// not shrink again: its pages share one size, as wizards' pages do.
void reservePageHeight(QWidget *page);

} // namespace onedial
