import Foundation
import MedCredCore

/// Why a configuration source was refused: the setting and what is wrong with it.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where the setting came from and its name, e.g. `config file: port` or `MEDCRED_PORT`.
    public let setting: String
    /// What is wrong.
    public let reason: String

    public var description: String { "\(setting): \(reason)" }
}

extension ServiceSettings {
    /// Reads `MEDCRED_<UPPER_SNAKE>` variables; lists are comma-separated.
    /// - Throws: ``ConfigurationError`` for a value of the wrong kind.
    public init(environment: [String: String]) throws(ConfigurationError) {
        self.init()
        for name in Self.names {
            let variable = Self.environmentName(name)
            guard let raw = environment[variable] else { continue }
            let value: JSONValue
            switch name {
            case "trustRoots", "witnesses":
                value = .array(raw.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) })
            case "port", "witnessThreshold", "sessionLifetime", "challengeLifetime", "rateLimit", "rateBurst":
                guard let number = Double(raw) else {
                    throw ConfigurationError(setting: variable, reason: "expected a number")
                }
                value = .number(number)
            case "storeCredentialBodies":
                guard let flag = ["true": true, "1": true, "false": false, "0": false][raw.lowercased()] else {
                    throw ConfigurationError(setting: variable, reason: "expected true or false")
                }
                value = .bool(flag)
            default: value = .string(raw)
            }
            try set(name, to: value, source: variable)
        }
    }

    /// Reads a JSON config file's object; an unknown member is refused, so a typo never goes unnoticed.
    /// - Throws: ``ConfigurationError``.
    public init(configFile bytes: [UInt8]) throws(ConfigurationError) {
        self.init()
        let json: JSONValue
        do { json = try JSONValue(parsing: bytes) } catch {
            throw ConfigurationError(setting: "config file", reason: "\(error)")
        }
        guard let object = json.objectValue else {
            throw ConfigurationError(setting: "config file", reason: "must be a JSON object")
        }
        for (name, value) in object {
            guard Self.names.contains(name) else {
                throw ConfigurationError(
                    setting: "config file: \(name)",
                    reason: "unknown setting; known: \(Self.names.joined(separator: ", "))")
            }
            try set(name, to: value, source: "config file: \(name)")
        }
    }

    /// `dataDirectory` → `MEDCRED_DATA_DIRECTORY`.
    public static func environmentName(_ name: String) -> String {
        var result = "MEDCRED_"
        for character in name {
            if character.isUppercase, !result.hasSuffix("_") { result.append("_") }
            result.append(character.uppercased())
        }
        return result.replacingOccurrences(of: "U_R_L", with: "URL")
    }

    private mutating func set(_ name: String, to value: JSONValue, source: String) throws(ConfigurationError) {
        func string() throws(ConfigurationError) -> String {
            guard let text = value.stringValue, !text.isEmpty else {
                throw ConfigurationError(setting: source, reason: "expected a non-empty string")
            }
            return text
        }
        func integer() throws(ConfigurationError) -> Int {
            guard case .number(let number) = value, number.rounded() == number, abs(number) < 1e9 else {
                throw ConfigurationError(setting: source, reason: "expected an integer")
            }
            return Int(number)
        }
        func number() throws(ConfigurationError) -> Double {
            guard case .number(let number) = value, number.isFinite else {
                throw ConfigurationError(setting: source, reason: "expected a number")
            }
            return number
        }
        func strings() throws(ConfigurationError) -> [String] {
            guard let items = value.arrayValue else {
                throw ConfigurationError(setting: source, reason: "expected a list of strings")
            }
            var result: [String] = []
            for item in items {
                guard let text = item.stringValue, !text.isEmpty else {
                    throw ConfigurationError(setting: source, reason: "expected a list of strings")
                }
                result.append(text)
            }
            return result
        }
        switch name {
        case "host": host = try string()
        case "port": port = try integer()
        case "dataDirectory": dataDirectory = try string()
        case "publicBaseURL": publicBaseURL = try string()
        case "tlsCertificate": tlsCertificate = try string()
        case "tlsKey": tlsKey = try string()
        case "trustRoots": trustRoots = try strings()
        case "witnesses": witnesses = try strings()
        case "witnessThreshold": witnessThreshold = try integer()
        case "policiesFile": policiesFile = try string()
        case "storeCredentialBodies":
            guard case .bool(let flag) = value else {
                throw ConfigurationError(setting: source, reason: "expected true or false")
            }
            storeCredentialBodies = flag
        case "sessionLifetime": sessionLifetime = try integer()
        case "challengeLifetime": challengeLifetime = try integer()
        case "rateLimit": rateLimit = try number()
        case "rateBurst": rateBurst = try number()
        case "logLevel": logLevel = try string()
        default: throw ConfigurationError(setting: source, reason: "unknown setting")
        }
    }
}
