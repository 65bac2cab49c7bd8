/// One PubMed/MEDLINE record as the reader produced it: the unit every later stage works on.
///
/// Text fields hold the text exactly as it stands in the XML, entities decoded and inline markup
/// (`<i>`, `<sup>`, MathML, …) flattened to its text in document order; offsets used downstream are
/// Unicode code points into these strings.
public struct Citation: Codable, Sendable, Equatable {
    public var pmid: String
    /// `PMID/@Version` (1 unless a record was revised under the same PMID).
    public var version: Int
    public var title: String
    /// `Abstract/AbstractText` sections in order; empty when the record has no abstract.
    public var abstract: [AbstractSection]
    /// `OtherAbstract` blocks (publisher or translated abstracts), kept apart from `abstract`.
    public var otherAbstracts: [OtherAbstract]
    public var languages: [String]
    public var journal: Journal
    /// From `PubDate/Year`, or parsed out of `PubDate/MedlineDate` ("2019 May - Jun" → 2019).
    public var year: Int?
    public var publicationTypes: [String]
    public var meshHeadings: [MeshHeading]
    public var chemicals: [Chemical]
    public var keywords: [String]
    public var doi: String?
    public var pmc: String?
    /// Line in the source file where the record starts (for error messages; 0 when unknown).
    public var line: Int

    public init(pmid: String, version: Int = 1, title: String = "", abstract: [AbstractSection] = [],
                otherAbstracts: [OtherAbstract] = [], languages: [String] = [], journal: Journal = Journal(),
                year: Int? = nil, publicationTypes: [String] = [], meshHeadings: [MeshHeading] = [],
                chemicals: [Chemical] = [], keywords: [String] = [], doi: String? = nil, pmc: String? = nil,
                line: Int = 0) {
        self.pmid = pmid; self.version = version; self.title = title; self.abstract = abstract
        self.otherAbstracts = otherAbstracts; self.languages = languages; self.journal = journal
        self.year = year; self.publicationTypes = publicationTypes; self.meshHeadings = meshHeadings
        self.chemicals = chemicals; self.keywords = keywords; self.doi = doi; self.pmc = pmc; self.line = line
    }

    /// The abstract as one passage: sections joined by one space, a labelled section written `LABEL: text`
    /// (the convention of the C reference reader and of the TSV output).
    public var abstractText: String {
        var out = ""
        for s in abstract {
            if !out.isEmpty { out += " " }
            if let label = s.label, !label.isEmpty { out += label; out += ": " }
            out += s.text
        }
        return out
    }
}

/// One `AbstractText` element.
public struct AbstractSection: Codable, Sendable, Equatable {
    public var label: String?
    public var nlmCategory: String?
    public var text: String
    public init(label: String? = nil, nlmCategory: String? = nil, text: String) {
        self.label = label; self.nlmCategory = nlmCategory; self.text = text
    }
}

/// An `OtherAbstract` block: `Type` (e.g. "Publisher", "plain-language-summary") and `Language`.
public struct OtherAbstract: Codable, Sendable, Equatable {
    public var type: String?
    public var language: String?
    public var sections: [AbstractSection]
    public init(type: String? = nil, language: String? = nil, sections: [AbstractSection] = []) {
        self.type = type; self.language = language; self.sections = sections
    }
}

public struct Journal: Codable, Sendable, Equatable {
    public var title: String?
    public var isoAbbreviation: String?
    public var issn: String?
    public init(title: String? = nil, isoAbbreviation: String? = nil, issn: String? = nil) {
        self.title = title; self.isoAbbreviation = isoAbbreviation; self.issn = issn
    }
}

/// A MeSH heading's descriptor: unique id (`D003920`), name, and whether it is a major topic.
public struct MeshHeading: Codable, Sendable, Equatable {
    public var ui: String?
    public var name: String
    public var majorTopic: Bool
    public init(ui: String? = nil, name: String, majorTopic: Bool = false) {
        self.ui = ui; self.name = name; self.majorTopic = majorTopic
    }
}

/// A `Chemical` entry: CAS/UNII registry number (or "0"), substance name and its MeSH UI.
public struct Chemical: Codable, Sendable, Equatable {
    public var registryNumber: String?
    public var name: String
    public var ui: String?
    public init(registryNumber: String? = nil, name: String, ui: String? = nil) {
        self.registryNumber = registryNumber; self.name = name; self.ui = ui
    }
}

/// A PMID named in a `DeleteCitation` block of an update file.
public struct Deletion: Codable, Sendable, Equatable {
    public var pmid: String
    public var version: Int
    public init(pmid: String, version: Int = 1) { self.pmid = pmid; self.version = version }
}
