import PGxModel
import PGxText

/// The triple JSONL contract of ../shared/DESIGN.md.
enum TripleJSON {
    static func write(_ t: Triple, text: [Unicode.Scalar], to w: inout JSONWriter) {
        func span(_ m: Mention) -> String { makeString(text[m.start..<m.end]) }
        w.beginObject()
        w.key("doc"); w.string(t.doc)
        w.key("passage"); w.string(t.passage)
        w.key("sentence"); w.beginObject(); w.key("start"); w.int(t.sentence.lowerBound); w.key("end"); w.int(t.sentence.upperBound); w.endObject()
        w.key("gene")
        if let g = t.gene {
            w.beginObject()
            w.key("symbol"); w.string(g.name); w.key("hgnc"); w.string(g.id)
            w.key("text"); w.string(span(g)); w.key("start"); w.int(g.start); w.key("end"); w.int(g.end)
            w.endObject()
        } else { w.null() }
        w.key("variant")
        if let v = t.variant {
            w.beginObject()
            w.key("name"); w.string(v.name); w.key("text"); w.string(span(v)); w.key("start"); w.int(v.start); w.key("end"); w.int(v.end)
            w.endObject()
        } else { w.null() }
        w.key("drug"); w.beginObject()
        w.key("name"); w.string(t.drug.name); w.key("id"); w.string(t.drug.id)
        w.key("text"); w.string(span(t.drug)); w.key("start"); w.int(t.drug.start); w.key("end"); w.int(t.drug.end)
        w.endObject()
        w.key("phenotype"); w.string(t.phenotype)
        w.key("effect"); w.beginObject(); w.key("category"); w.string(t.effect.category.rawValue)
        w.key("direction"); w.string(t.effect.direction.rawValue); w.endObject()
        w.key("negated"); w.bool(t.negated)
        w.key("speculative"); w.bool(t.speculative)
        w.key("confidence"); w.double(t.confidence)
        w.key("rule"); w.string(t.rule)
        w.endObject()
    }
}
