/// Finds whole words and phrases from a list (`teh`, `Islamic State`) by looking each word of
/// the document up, as typos and codespell do, instead of running a PCRE2 trie over every
/// letter: the trie cost a match attempt at each letter, the lookup one hash probe per word
/// (`WordIndex`). Case-insensitive for ASCII letters.
///
/// It takes phrases that begin and end with an ASCII letter and hold only ASCII characters
/// (`init` returns nil otherwise, and the kind keeps its trie pattern). It finds what the
/// kinds' trie patterns find, which `PhraseLookupTests` checks on the dev corpus, with one
/// difference: the two non-ASCII letters that Unicode case folding maps to ASCII ones (the
/// Kelvin sign and the long s) are not read as `k` and `s`.
struct PhraseLookup: Sendable {
    /// What may not touch a phrase besides letters and digits (`\p{L}`, `\p{N}`).
    struct Boundaries: Sendable {
        /// Characters that may not come right before a phrase.
        let forbiddenBefore: Set<Unicode.Scalar>
        /// Characters that may not come right after it; a full stop may, unless a letter or
        /// digit follows the stop (a domain name, `iPhone.com`).
        let forbiddenAfter: Set<Unicode.Scalar>
    }

    private struct Phrase: Sendable {
        /// The lower-cased bytes of each run of letters.
        let runs: [[UInt8]]
        /// The bytes between run `i` and run `i + 1`; a space also matches a no-break space
        /// when `spaceMatchesNoBreakSpace`.
        let separators: [[UInt8]]
    }

    private let phrases: [Phrase]
    /// Phrase indices by the hash of their first run, longest phrase first (as the trie tries
    /// the words that go on before the word that ends).
    private let byFirstRun: HashKeyTable<[Int]>
    /// The first runs' hashes as bits: almost every word of a text starts no phrase, and one
    /// bit test says so where a table probe took a multiply and a loop.
    private let firstRunFilter: HashFilter
    private let boundaries: Boundaries
    private let spaceMatchesNoBreakSpace: Bool

    init?(phrases texts: [String], boundaries: Boundaries, spaceMatchesNoBreakSpace: Bool) {
        var phrases: [Phrase] = []
        for text in texts {
            let bytes = Array(text.utf8)
            guard let first = bytes.first, let last = bytes.last, first.isASCIILetter, last.isASCIILetter,
                  bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            // Letter runs and what lies between them; a phrase begins and ends with a run.
            var runs: [[UInt8]] = [], separators: [[UInt8]] = []
            var inRun = false
            for byte in bytes {
                if byte.isASCIILetter {
                    if !inRun { runs.append([]) }
                    runs[runs.count - 1].append(byte.asciiLowercased)
                } else {
                    if inRun { separators.append([]) }
                    separators[separators.count - 1].append(byte)
                }
                inRun = byte.isASCIILetter
            }
            phrases.append(Phrase(runs: runs, separators: separators))
        }
        var byFirstRun = HashKeyTable<[Int]>(minimumCapacity: phrases.count)
        let order = phrases.indices.sorted { phrases[$0].runs.count > phrases[$1].runs.count }
        for index in order { byFirstRun[WordHash.hash(phrases[index].runs[0], foldingASCII: false), default: []].append(index) }
        self.phrases = phrases
        self.byFirstRun = byFirstRun
        firstRunFilter = HashFilter(phrases.map { WordHash.hash($0.runs[0], foldingASCII: false) })
        self.boundaries = boundaries
        self.spaceMatchesNoBreakSpace = spaceMatchesNoBreakSpace
    }

    /// Calls `body` with the byte range of each phrase found, in text order, none overlapping.
    func forEachMatch(in document: Document, _ body: (Range<Int>) -> Void) {
        let words = document.words
        var run = 0
        document.bytes.withUnsafeBufferPointer { subject in
            while run < words.count {
                defer { run += 1 }
                let hash = words.foldedHashes[run]
                guard firstRunFilter.mayContain(hash), let candidates = byFirstRun[hash] else { continue }
                for candidate in candidates {
                    guard let last = match(phrases[candidate], at: run, in: words, subject) else { continue }
                    let range = words.ranges[run].lowerBound..<words.ranges[last].upperBound
                    guard allowed(before: range.lowerBound, in: document), allowed(after: range.upperBound, in: document) else { continue }
                    body(range)
                    run = last
                    break
                }
            }
        }
    }

    /// The last run of `phrase` found from run `first` on, or nil.
    private func match(_ phrase: Phrase, at first: Int, in words: WordIndex, _ subject: UnsafeBufferPointer<UInt8>) -> Int? {
        var run = first
        for (part, letters) in phrase.runs.enumerated() {
            if part > 0 {
                var offset = words.ranges[run].upperBound
                for byte in phrase.separators[part - 1] {
                    if offset < subject.count, subject[offset] == byte {
                        offset += 1
                    } else if byte == 0x20, spaceMatchesNoBreakSpace, offset + 1 < subject.count,
                              subject[offset] == 0xC2, subject[offset + 1] == 0xA0 {
                        offset += 2
                    } else {
                        return nil
                    }
                }
                run += 1
                guard run < words.count, words.ranges[run].lowerBound == offset else { return nil }
            }
            let range = words.ranges[run]
            guard range.count == letters.count else { return nil }
            for (byte, expected) in zip(subject[range], letters) where byte.asciiLowercased != expected { return nil }
        }
        return run
    }

    private func allowed(before offset: Int, in document: Document) -> Bool {
        guard let scalar = document.scalar(before: offset) else { return true }
        return !scalar.isLetterOrNumber && !boundaries.forbiddenBefore.contains(scalar)
    }

    private func allowed(after offset: Int, in document: Document) -> Bool {
        guard let scalar = document.scalar(at: offset) else { return true }
        if scalar.isLetterOrNumber || boundaries.forbiddenAfter.contains(scalar) { return false }
        guard scalar == ".", let next = document.scalar(at: offset + 1) else { return true }
        return !next.isLetterOrNumber
    }
}

extension UInt8 {
    var isASCIILetter: Bool { (self | 0x20) &- 0x61 < 26 }
}

extension Unicode.Scalar {
    /// `\p{L}` or `\p{N}`, as PCRE2 reads them.
    var isLetterOrNumber: Bool {
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }
}
