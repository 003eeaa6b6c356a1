package orders

// EncodeCursorForTest lets the benchmark build the cursor the UI would hold.
var EncodeCursorForTest = encodeCursor
