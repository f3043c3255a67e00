/// Thrown inside the parser to abandon the current statement after its diagnostic has been recorded;
/// the enclosing block then skips to the next `;` or `}` and carries on.
struct SyntaxError: Error {}
