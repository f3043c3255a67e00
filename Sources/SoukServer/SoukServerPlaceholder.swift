// Replaced by the server composition.
