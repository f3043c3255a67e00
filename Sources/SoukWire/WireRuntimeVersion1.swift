/// Marks the first version of the encoding runtime that generated code is written against.
///
/// Every generated file declares `private typealias _SoukWireVersionCheck = WireRuntimeVersion1`, so code
/// generated for a runtime this one no longer supports fails to compile instead of misbehaving at run time.
/// A later, incompatible runtime removes this type and adds `WireRuntimeVersion2`.
public enum WireRuntimeVersion1 {}
