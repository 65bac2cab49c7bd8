import CLibXML2
import Foundation

/// The PubMed element names the reader acts on. Everything else is `.other`.
enum Tag: UInt8 {
    case other
    case pubmedArticleSet, medlineCitationSet, pubmedBookArticleSet
    case pubmedArticle, pubmedBookArticle, medlineCitation, deleteCitation
    case pmid, article, articleTitle, abstract, abstractText, otherAbstract, language
    case journal, title, isoAbbreviation, issn, journalIssue, pubDate, year, medlineDate
    case publicationTypeList, publicationType
    case meshHeadingList, meshHeading, descriptorName
    case chemicalList, chemical, registryNumber, nameOfSubstance
    case keywordList, keyword
    case pubmedData, articleIdList, articleId
    // Subtrees that hold nothing the reader keeps; their events are dropped unread.
    case authorList, referenceList, commentsCorrectionsList, grantList, history, investigatorList
    case dateCompleted, dateRevised, medlineJournalInfo, pagination, articleDate, supplMeshList, geneSymbolList
    case personalNameSubjectList, dataBankList, coiStatement, copyrightInformation, citationSubset, otherID

    /// True for elements whose whole subtree the reader can skip.
    var skippable: Bool { rawValue >= Tag.authorList.rawValue }

    static let names: [(String, Tag)] = [
        ("PubmedArticleSet", .pubmedArticleSet), ("MedlineCitationSet", .medlineCitationSet),
        ("PubmedBookArticleSet", .pubmedBookArticleSet),
        ("PubmedArticle", .pubmedArticle), ("PubmedBookArticle", .pubmedBookArticle),
        ("MedlineCitation", .medlineCitation), ("DeleteCitation", .deleteCitation),
        ("PMID", .pmid), ("Article", .article), ("ArticleTitle", .articleTitle), ("Abstract", .abstract),
        ("AbstractText", .abstractText), ("OtherAbstract", .otherAbstract), ("Language", .language),
        ("Journal", .journal), ("Title", .title), ("ISOAbbreviation", .isoAbbreviation), ("ISSN", .issn),
        ("JournalIssue", .journalIssue), ("PubDate", .pubDate), ("Year", .year), ("MedlineDate", .medlineDate),
        ("PublicationTypeList", .publicationTypeList), ("PublicationType", .publicationType),
        ("MeshHeadingList", .meshHeadingList), ("MeshHeading", .meshHeading), ("DescriptorName", .descriptorName),
        ("ChemicalList", .chemicalList), ("Chemical", .chemical), ("RegistryNumber", .registryNumber),
        ("NameOfSubstance", .nameOfSubstance), ("KeywordList", .keywordList), ("Keyword", .keyword),
        ("PubmedData", .pubmedData), ("ArticleIdList", .articleIdList), ("ArticleId", .articleId),
        ("AuthorList", .authorList), ("ReferenceList", .referenceList),
        ("CommentsCorrectionsList", .commentsCorrectionsList), ("GrantList", .grantList), ("History", .history),
        ("InvestigatorList", .investigatorList), ("DateCompleted", .dateCompleted), ("DateRevised", .dateRevised),
        ("MedlineJournalInfo", .medlineJournalInfo), ("Pagination", .pagination), ("ArticleDate", .articleDate),
        ("SupplMeshList", .supplMeshList), ("GeneSymbolList", .geneSymbolList),
        ("PersonalNameSubjectList", .personalNameSubjectList), ("DataBankList", .dataBankList),
        ("CoiStatement", .coiStatement), ("CopyrightInformation", .copyrightInformation),
        ("CitationSubset", .citationSubset), ("OtherID", .otherID),
    ]

    static func lookup(_ name: UnsafePointer<xmlChar>) -> Tag {
        for (s, t) in names where s.withCString({ strcmp($0, UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)) == 0 }) {
            return t
        }
        return .other
    }
}

/// Maps libxml2's interned element-name pointers to tags without comparing strings in the hot loop.
///
/// The reader's parser interns names in its dictionary, so one name has one pointer for the life of
/// the reader; the first sight of a pointer is resolved with `strcmp` and cached in a small
/// open-addressing table. If names were ever not interned the table stops caching and falls back
/// to `strcmp`, so the answer is always right.
/// - Complexity: O(1) per element after the first occurrence of each name.
struct TagTable {
    private static let size = 1024
    private var keys = [UInt](repeating: 0, count: TagTable.size)
    private var values = [Tag](repeating: .other, count: TagTable.size)
    private var count = 0

    mutating func tag(_ name: UnsafePointer<xmlChar>) -> Tag {
        let key = UInt(bitPattern: name)
        var i = Int(truncatingIfNeeded: (key >> 3) &* 0x9E37_79B9) & (TagTable.size - 1)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { break }
            i = (i + 1) & (TagTable.size - 1)
        }
        let t = Tag.lookup(name)
        if count < TagTable.size / 2 {
            keys[i] = key; values[i] = t; count += 1
        }
        return t
    }
}
