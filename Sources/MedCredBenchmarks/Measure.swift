import Foundation

/// A small timing harness: each operation runs in rounds of about `roundDuration`, and the median
/// round's rate is reported, which is robust to a noisy neighbour on a 2-core machine.
struct Measurement {
    let name: String
    let rounds: [Double]

    var median: Double { rounds.sorted()[rounds.count / 2] }
    var minimum: Double { rounds.min() ?? 0 }
    var maximum: Double { rounds.max() ?? 0 }
}

/// Runs `body` repeatedly and returns operations per second for each round; `body` may be async (the
/// verifier), and is awaited inline so scheduling does not enter the figure.
func measure(
    _ name: String, rounds: Int = 7, roundDuration: Duration = .milliseconds(300), _ body: () async -> Void
) async -> Measurement {
    let clock = ContinuousClock()
    // Warm-up: caches, lazy initialisation, page faults.
    let warmupEnd = clock.now.advanced(by: .milliseconds(100))
    while clock.now < warmupEnd { await body() }
    var rates: [Double] = []
    for _ in 0..<rounds {
        var operations = 0
        let start = clock.now
        var elapsed = Duration.zero
        while elapsed < roundDuration {
            for _ in 0..<16 { await body() }
            operations += 16
            elapsed = clock.now - start
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        rates.append(Double(operations) / seconds)
    }
    return Measurement(name: name, rounds: rates)
}

/// Formats a rate with thousands separators and no decimals.
func formatRate(_ value: Double) -> String {
    let digits = String(Int(value.rounded()))
    var out = ""
    for (index, char) in digits.reversed().enumerated() {
        if index > 0 && index % 3 == 0 { out.append(",") }
        out.append(char)
    }
    return String(out.reversed())
}

func printTable(_ measurements: [Measurement]) {
    let width = measurements.map(\.name.count).max() ?? 10
    print("operation".padding(width) + "  median/s      min/s      max/s   µs/op (median)")
    for m in measurements {
        let micro = 1e6 / m.median
        print(
            m.name.padding(width) + "  " + formatRate(m.median).leftPad(8) + "  " + formatRate(m.minimum).leftPad(9)
                + "  " + formatRate(m.maximum).leftPad(9) + "   " + String(format2(micro)).leftPad(8))
    }
}

private func format2(_ value: Double) -> String {
    let scaled = Int((value * 100).rounded())
    let fraction = scaled % 100
    return "\(scaled / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
    fileprivate func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
