import ArgumentParser

@main
struct MedCred: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "medcred", abstract: "MedCred")
}
