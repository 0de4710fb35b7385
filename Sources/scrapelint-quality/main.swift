// scrapelint-quality: measures the default rules on the development corpus (../shared/corpus):
// boilerplate precision and recall against the labelled extra lines, findings per 10,000 words
// on the gold texts, and merged-source detection on pairs of gold texts joined four ways.
// Usage: scrapelint-quality [CORPUS] [boilerplate|gold|merge ...]   (run by `make quality`)
import Foundation
import PCRE2
import ScrapeLint

let arguments = Array(CommandLine.arguments.dropFirst())
let sections = Set(arguments.filter { ["boilerplate", "gold", "merge"].contains($0) })
let corpus = arguments.first { !sections.contains($0) } ?? "../shared/corpus"
func wanted(_ section: String) -> Bool { sections.isEmpty || sections.contains(section) }
do {
    let rules = try RuleSelection().apply(to: RuleSet.load())
    let engine = Engine(rules: rules)
    let corpusData = try Corpus(root: corpus)
    print("scrapelint quality on \(corpus): \(corpusData.documents.count) documents, \(rules.count) rules\n")
    if wanted("boilerplate") { print(BoilerplateScore(corpus: corpusData, engine: engine).report) }
    if wanted("gold") { print(GoldNoise(corpus: corpusData, engine: engine).report) }
    if wanted("merge") { print(MergeScore(corpus: corpusData, engine: engine).report) }
} catch {
    FileHandle.standardError.write(Data("scrapelint-quality: \(error)\n".utf8))
    exit(2)
}
