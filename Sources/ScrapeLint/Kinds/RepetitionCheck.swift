import Glibc
import PCRE2

/// The `repetition` kind: a paragraph or sentence that appears twice in one document, after
/// whitespace is normalised and case folded, reported at each later copy; or a word written
/// twice in a row ("the the"), reported with both copies. Units are checked largest first; a
/// sentence inside a repeated paragraph is not reported again.
public struct RepetitionCheck: Sendable {
    enum Unit: String, Sendable, CaseIterable {
        case paragraph, sentence, word
    }

    let units: [Unit]
    /// Shorter paragraphs and sentences (in characters, after normalisation) are not compared.
    let minimumLength: Int
    /// A finding whose span one of these matches whole is dropped ("had had").
    var exceptions: Regex?
    /// The `exceptions` as written, to add a configuration's own.
    var exceptionSources: [String] = []
    /// `fix: delete`: a doubled word is replaced by one copy.
    let fixesWords: Bool

    func run(_ rule: Rule, on document: Document, with matcher: Matcher, into output: inout [Diagnostic]) throws {
        // The spans reported, a list per unit, each sorted as spans come in text order: a binary
        // search in each finds one that could contain a later span. One list for all units had
        // each sentence inserted among the paragraphs before it, a copy of the tail a time: a
        // text of many repeats (a crawl dump) took time growing with their square.
        var reported: [[Range<Int>]] = []
        try document.bytes.withUnsafeBufferPointer { bytes in
            let keyed = keyedSpans(of: document, bytes)
            for unit in units {
                if unit == .word {
                    try reportDoubledWords(rule, in: document, bytes, matcher, skipping: reported, into: &output)
                    continue
                }
                // Keyed by the normalised text's `TextKey`, made without copying it, holding the first
                // span with that key; a copy is confirmed by comparing the texts. Different texts
                // with one key (the same bytes in another order: "page 12 of 31", "page 21 of 13")
                // are kept apart by a hash of their normalised text in `sharedKeys`, so that each
                // costs a lookup: compared with every one before it, a list of numbered lines
                // took time growing with the square of their count.
                let spans = unit == .paragraph ? keyed.paragraphs : keyed.sentences
                var reportedHere: [Range<Int>] = []
                defer { reported.append(reportedHere) }
                var seen = HashKeyTable<Range<Int>>(minimumCapacity: spans.count)
                var sharedKeys: [SharedKey: [Range<Int>]] = [:]
                for (range, hash, length) in spans {
                    guard length >= minimumLength else { continue }
                    if let exceptions, try matcher.matchesWhole(exceptions, in: bytes, range: range) { continue }
                    guard let earlier = seen[hash] else {
                        seen[hash] = range
                        continue
                    }
                    // Most copies are the same bytes; else this span is normalised once, for every
                    // comparison and its shared-key hash.
                    var normalized: [UInt8]?
                    let isCopy = { (other: Range<Int>) -> Bool in
                        if other.count == range.count,
                           memcmp(bytes.baseAddress! + other.lowerBound, bytes.baseAddress! + range.lowerBound, range.count) == 0 {
                            return true
                        }
                        if normalized == nil { normalized = TextKey.normalized(bytes[range]) }
                        return TextKey.normalized(bytes[other]) == normalized!
                    }
                    let first: Range<Int>
                    if isCopy(earlier) {
                        first = earlier
                    } else {
                        let key = SharedKey(key: hash, text: WordHash.hash(normalized ?? TextKey.normalized(bytes[range]), foldingASCII: false))
                        guard let other = sharedKeys[key]?.first(where: isCopy) else {
                            sharedKeys[key, default: []].append(range)
                            continue
                        }
                        first = other
                    }
                    if reported.contains(where: { $0.indexOfRange(containing: range) != nil }) { continue }
                    reportedHere.append(range)
                    let line = document.lines.lineIndex(of: first.lowerBound) + 1
                    output.append(rule.diagnostic(
                        at: range, in: document, detail: "\(unit.rawValue) repeats line \(line)",
                        related: [RelatedLocation(range: first, message: "first copy")]))
                }
            }
        }
    }

    /// A `TextKey` hash shared by texts that are not copies, with a hash of one of them.
    private struct SharedKey: Hashable {
        let key: UInt64
        let text: UInt64
    }

    /// Two neighbouring runs of letters with only horizontal white space between them, the same
    /// word ignoring case, and no digit or underscore touching either end: what
    /// `(?i)(?<![\p{L}\p{N}_])(\p{L}++)\h++\1(?![\p{L}\p{N}_])` matches, found from the word
    /// index instead of a PCRE2 attempt at every letter.
    private func reportDoubledWords(_ rule: Rule, in document: Document, _ bytes: UnsafeBufferPointer<UInt8>, _ matcher: Matcher,
                                    skipping reported: [[Range<Int>]], into output: inout [Diagnostic]) throws {
        let words = document.words
        var index = 0
        while index + 1 < words.count {
            let first = words.ranges[index], second = words.ranges[index + 1]
            guard words.letters[index] == words.letters[index + 1], first.upperBound < second.lowerBound,
                  Self.sameWord(index, index + 1, in: words, bytes),
                  Self.onlyHorizontalSpace(first.upperBound..<second.lowerBound, in: document),
                  !Self.isWordCharacter(document.scalar(before: first.lowerBound)),
                  !Self.isWordCharacter(document.scalar(at: second.upperBound))
            else {
                index += 1
                continue
            }
            // As a pattern search goes on after a match, the second copy starts no other pair.
            index += 2
            let span = first.lowerBound..<second.upperBound
            if let exceptions, try matcher.matchesWhole(exceptions, in: bytes, range: span) { continue }
            if reported.contains(where: { $0.indexOfRange(containing: span) != nil }) { continue }
            let fix = fixesWords ? Fix(range: span, replacement: Array(bytes[first])) : nil
            output.append(rule.diagnostic(at: span, in: document, fix: fix))
        }
    }

    /// Runs `lhs` and `rhs` are one word: ASCII letters compared without case, others by their
    /// lower-case forms (`(?i)` compares letter by letter, so the letter counts match first).
    private static func sameWord(_ lhs: Int, _ rhs: Int, in words: WordIndex, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if words.isASCII(lhs), words.isASCII(rhs) {
            guard words.foldedHashes[lhs] == words.foldedHashes[rhs] else { return false }
            return zip(bytes[words.ranges[lhs]], bytes[words.ranges[rhs]]).allSatisfy { $0 | 0x20 == $1 | 0x20 }
        }
        let text = { (run: Int) in String(decoding: bytes[words.ranges[run]], as: UTF8.self).lowercased() }
        return text(lhs) == text(rhs)
    }

    /// `\h`: tab, space, no-break space and the other Unicode horizontal spaces.
    private static func onlyHorizontalSpace(_ range: Range<Int>, in document: Document) -> Bool {
        var offset = range.lowerBound
        while offset < range.upperBound {
            guard let scalar = document.scalar(at: offset) else { return false }
            switch scalar.value {
            case 0x09, 0x20, 0xA0, 0x1680, 0x180E, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: break
            default: return false
            }
            offset += scalar.utf8.count
        }
        return true
    }

    /// `[\p{L}\p{N}_]`: what may not touch a doubled word (a letter cannot: runs end at non-letters).
    private static func isWordCharacter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar == "_" || scalar.isLetterOrNumber
    }

    typealias KeyedSpan = (range: Range<Int>, hash: UInt64, length: Int)

    /// The paragraphs and sentences the units ask for, each with the `TextKey` hash and length
    /// of its normalised text. With both units a paragraph's key is the sum of its sentences'.
    func keyedSpans(of document: Document, _ bytes: UnsafeBufferPointer<UInt8>)
        -> (paragraphs: [KeyedSpan], sentences: [KeyedSpan]) {
        var paragraphs: [KeyedSpan] = [], sentences: [KeyedSpan] = []
        let wantsParagraphs = units.contains(.paragraph), wantsSentences = units.contains(.sentence)
        for paragraph in document.paragraphRanges {
            let trimmed = Document.trimmed(paragraph, in: bytes)
            guard wantsSentences else {
                if wantsParagraphs {
                    let key = TextKey(bytes, trimmed)
                    paragraphs.append((trimmed, key.hash, key.length))
                }
                continue
            }
            var joined = TextKey()
            for sentence in SentenceSplitter.sentences(in: paragraph, of: bytes) {
                let key = TextKey(bytes, sentence)
                sentences.append((sentence, key.hash, key.length))
                joined = joined + key
            }
            if wantsParagraphs { paragraphs.append((trimmed, joined.hash, joined.length)) }
        }
        return (paragraphs, sentences)
    }
}
