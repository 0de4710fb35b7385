/// Splits a paragraph into sentences at `.`, `!` or `?` (and a closing quote or bracket after
/// it) followed by a space and an upper-case letter, a digit or an opening quote.
enum SentenceSplitter {
    static func sentences(in paragraph: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = paragraph.lowerBound
        var offset = paragraph.lowerBound
        let stops = (SIMD16<UInt8>(repeating: 0x2E), SIMD16<UInt8>(repeating: 0x21), SIMD16<UInt8>(repeating: 0x3F))
        while offset < paragraph.upperBound {
            // Sixteen bytes a step to the next `.`, `!` or `?`: a sentence is a hundred bytes or so.
            if offset + 16 <= paragraph.upperBound, let base = bytes.baseAddress {
                let chunk = UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt8>.self)
                var hits = LaneSet((chunk .== stops.0) .| (chunk .== stops.1) .| (chunk .== stops.2))
                guard let lane = hits.popFirst() else {
                    offset += 16
                    continue
                }
                offset += lane
            }
            let byte = bytes[offset]
            offset += 1
            guard byte == 0x2E || byte == 0x21 || byte == 0x3F else { continue }
            var end = offset
            // Closing quotes and brackets belong to the sentence: ” is E2 80 9D, ’ E2 80 99.
            while end < paragraph.upperBound {
                if bytes[end] == 0x22 || bytes[end] == 0x29 || bytes[end] == 0x27 { end += 1; continue }
                if end + 2 < paragraph.upperBound, bytes[end] == 0xE2, bytes[end + 1] == 0x80,
                   bytes[end + 2] == 0x9D || bytes[end + 2] == 0x99 { end += 3; continue }
                break
            }
            guard end < paragraph.upperBound, bytes[end] == 0x20 else { continue }
            var next = end
            while next < paragraph.upperBound, bytes[next] == 0x20 { next += 1 }
            guard next < paragraph.upperBound else { continue }
            let lead = bytes[next]
            guard (0x41...0x5A).contains(lead) || (0x30...0x39).contains(lead) || lead == 0x22 || lead == 0xE2 || lead >= 0xC3 else { continue }
            sentences.append(Document.trimmed(start..<end, in: bytes))
            start = next
            offset = next
        }
        if start < paragraph.upperBound { sentences.append(Document.trimmed(start..<paragraph.upperBound, in: bytes)) }
        return sentences
    }

}
