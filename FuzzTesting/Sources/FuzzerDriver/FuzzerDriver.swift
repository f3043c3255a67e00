/// libFuzzer's driver (linked in by `-sanitize=fuzzer`): parses the command line and calls `testOneInput` for
/// each input.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Hands the program to libFuzzer's driver, which runs `testOneInput` (the target's `LLVMFuzzerTestOneInput`) on
/// the inputs the command line names, as libFuzzer's own `main` would.
///
/// SwiftPM links every executable with `--defsym main=<Target>_main` (so that tests can import executables),
/// which hides the `main` that `-sanitize=fuzzer` would bring from libFuzzer; with `-parse-as-library` no
/// `<Target>_main` exists, so each fuzz target defines it (the name is the target's own) and calls this.
public func runLibFuzzer(
  _ argc: CInt,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt {
  var argumentCount = argc
  var arguments = argv
  return runFuzzerDriver(&argumentCount, &arguments, testOneInput)
}
