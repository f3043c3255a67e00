import ArgumentParser

/// `souk-admin`: the marketplace operator's tool. Connects with an admin key (`--key` or `SOUK_KEY`) to the server
/// at `--address` (`SOUK_ADDRESS`), trusting the CA in `--ca` (`SOUK_CA`).
///
/// Exit statuses: 0 success, 1 unexpected error, 3 cannot connect, 4 certificate not trusted, 5 key refused,
/// 6 not allowed, 7 not found, 8 refused input or state, 64 bad command line.
@main
struct SoukAdmin: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "souk-admin",
    abstract: "Operate a Souk marketplace: orders, totals, cooperatives, partners and API keys.",
    discussion: """
      Connect with an admin key: --address HOST:PORT --key SECRET --ca CA.pem, or SOUK_ADDRESS, SOUK_KEY and
      SOUK_CA in the environment. For a development server started with `souk serve --demo`:
        export SOUK_ADDRESS=127.0.0.1:7443 SOUK_CA=souk-data/tls/ca.pem SOUK_KEY=<the admin key it printed>
        souk-admin orders list

      Exit statuses: 3 cannot connect, 4 certificate not trusted, 5 key refused, 6 not allowed, 7 not found,
      8 refused by the server, 64 bad command line, 1 anything else.
      """,
    subcommands: [Orders.self, Stats.self, Cooperatives.self, Partners.self, Keys.self])
}
