// The schema the hand-written fixtures in this folder implement, written the way souk-gen writes generated
// code (see the contract's "Generated Swift"), so the runtime is tested exactly as generated code uses it.
//
//   package souk.fixture.v1;
//
//   enum Status { STATUS_UNSPECIFIED = 0; STATUS_ACTIVE = 1; STATUS_PAUSED = 2; }
//
//   message Money { int64 units = 1; string currency = 2; }
//
//   message Product {
//     string id = 1;
//     int64 stock = 2;
//     optional string note = 3;
//     repeated string tags = 4;
//     repeated int32 ratings = 5;
//     Money price = 6;
//     map<string, int64> counts = 7;
//     Status status = 8;
//     repeated Photo photos = 9;
//     map<uint32, Money> prices = 10;
//     oneof source { string url = 11; bytes data = 16; }
//     message Photo { string url = 1; uint32 width = 2; }
//   }
//
//   message Node { string name = 1; repeated Node children = 2; }   // recursion, for depth limits
//
//   message Scalars {             // every scalar kind: singular, optional, repeated
//     bool b = 1; int32 i32 = 2; int64 i64 = 3; uint32 u32 = 4; uint64 u64 = 5;
//     float f = 6; double d = 7; string s = 8; bytes raw = 9; Status e = 10;
//     optional bool ob = 11; optional int32 oi32 = 12; optional int64 oi64 = 13; optional uint32 ou32 = 14;
//     optional uint64 ou64 = 15; optional float of = 16; optional double od = 17; optional string os = 18;
//     optional bytes oraw = 19; optional Status oe = 20;
//     repeated bool rb = 21; repeated int32 ri32 = 22; repeated int64 ri64 = 23; repeated uint32 ru32 = 24;
//     repeated uint64 ru64 = 25; repeated float rf = 26; repeated double rd = 27; repeated string rs = 28;
//     repeated bytes rraw = 29; repeated Status re = 30;
//     map<bool, string> byFlag = 31; map<int32, string> byInt32 = 32; map<int64, string> byInt64 = 33;
//     map<uint64, string> byUInt64 = 34;
//   }
//
// `SoukFixtureV0` is the same package as an older peer knows it: Product without fields 3, 5, 7, 9, 10, 11
// and 16 and Status without STATUS_PAUSED.

/// Namespace of the current fixture schema, as souk-gen's `Namespaces.swift` declares it.
public enum SoukFixtureV1 {}

/// Namespace of the older fixture schema, for old-peer/new-peer tests.
public enum SoukFixtureV0 {}
