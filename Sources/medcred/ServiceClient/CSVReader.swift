/// RFC 4180 CSV: comma-separated cells, `"…"` quoting with `""` for a quote, LF or CRLF line ends.
///
/// A malformed record (a stray quote in an unquoted cell, text after a closing quote) is reported and reading
/// resumes at the next line, so one bad row never hides the others. An unterminated quote runs to the end.
struct CSVReader {
    struct Record {
        /// The line the record starts on (1-based).
        let line: Int
        let fields: Result<[String], BatchRowError>
    }

    private let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    func records() -> [Record] {
        var records: [Record] = []
        var index = 0
        var line = 1
        while index < scalars.count {
            let start = line
            let (fields, next, lines) = record(from: index)
            index = next
            line += lines
            if case .success(let cells) = fields, cells == [""] { continue }  // a blank line
            records.append(Record(line: start, fields: fields))
        }
        return records
    }

    /// One record from `start`: its cells or its error, the index after its line end, and the lines it spans.
    private func record(from start: Int) -> (Result<[String], BatchRowError>, Int, Int) {
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var index = start
        var lines = 1
        var quoted = false
        var afterQuote = false
        while index < scalars.count {
            let scalar = scalars[index]
            if quoted {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        cell.append("\"")
                        index += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if scalar == "\n" { lines += 1 }
                    cell.append(scalar)
                }
            } else if scalar == "," {
                cells.append(String(cell))
                cell = String.UnicodeScalarView()
                afterQuote = false
            } else if scalar == "\n" || (scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n") {
                index += scalar == "\r" ? 2 : 1
                cells.append(String(cell))
                return (.success(cells), index, lines)
            } else if scalar == "\"" && cell.isEmpty && !afterQuote {
                quoted = true
            } else if scalar == "\"" || afterQuote {
                let column = cells.count + 1
                return (
                    .failure(malformed("a stray quote or text after a closing quote in cell \(column)")),
                    skipLine(index), lines
                )
            } else {
                cell.append(scalar)
            }
            index += 1
        }
        if quoted {
            return (.failure(malformed("a quoted cell is not closed before the end of the file")), index, lines)
        }
        cells.append(String(cell))
        return (.success(cells), index, lines)
    }

    private func skipLine(_ from: Int) -> Int {
        var index = from
        while index < scalars.count, scalars[index] != "\n" { index += 1 }
        return min(index + 1, scalars.count)
    }

    private func malformed(_ detail: String) -> BatchRowError {
        BatchRowError(code: "invalid-csv", pointer: nil, detail: detail)
    }
}
