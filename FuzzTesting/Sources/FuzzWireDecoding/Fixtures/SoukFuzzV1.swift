// A copy of the runtime tests' fixture messages (Tests/SoukWireTests/Fixtures), in the exact shape souk-gen
// generates, until this target decodes the generated SoukAPI messages instead.

/// Namespace of the fuzzed fixture schema.
public enum SoukFuzzV1 {}
