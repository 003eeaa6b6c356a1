package shop

// OwnColumns exposes the merge log's shop columns to the tests of package shop_test.
var OwnColumns = ownColumns
