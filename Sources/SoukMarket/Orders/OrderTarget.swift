/// Which order a change is about: by its id, or by one of its fulfilments.
enum OrderTarget {
  /// The order with this id.
  case order(String)
  /// The order holding the fulfilment with this id.
  case fulfilment(String)
}
