#!/usr/bin/env python3
"""Independent reference for the PubMed reader tests: Python's expat-based ElementTree.

  etree_reference.py FILE...   -> one JSON object per citation / deletion block on stdout

It extracts the same fields as pgx's reader with the same conventions (text = itertext() of the
element, so inline markup and MathML are flattened in order), without sharing any code with it.
"""
import gzip, json, re, sys
import xml.etree.ElementTree as ET

def text(e):
    return "".join(e.itertext()) if e is not None else None

def year_of(s):
    for m in re.finditer(r"(?<!\d)(\d{4})(?!\d)", s):
        if 1800 <= int(m.group(1)) <= 2200:
            return int(m.group(1))
    return None

def sections(parent):
    return [{"label": a.get("Label"), "category": a.get("NlmCategory"), "text": text(a)}
            for a in parent.findall("AbstractText")] if parent is not None else []

def citation(mc, pd):
    pmid = mc.find("PMID")
    art = mc.find("Article")
    journal = art.find("Journal") if art is not None else None
    pubdate = journal.find("JournalIssue/PubDate") if journal is not None else None
    year = None
    if pubdate is not None:
        if pubdate.find("Year") is not None:
            year = int(text(pubdate.find("Year")).strip())
        elif pubdate.find("MedlineDate") is not None:
            year = year_of(text(pubdate.find("MedlineDate")))
    ids = {a.get("IdType"): text(a) for a in (pd.findall("ArticleIdList/ArticleId") if pd is not None else [])}
    return {
        "pmid": text(pmid).strip(), "version": int(pmid.get("Version", "1")),
        "title": text(art.find("ArticleTitle")) if art is not None and art.find("ArticleTitle") is not None else "",
        "abstract": sections(art.find("Abstract") if art is not None else None),
        "other_abstracts": [{"type": o.get("Type"), "language": o.get("Language"), "sections": sections(o)}
                            for o in mc.findall("OtherAbstract")],
        "languages": [text(l) for l in art.findall("Language")] if art is not None else [],
        "journal": {"title": text(journal.find("Title")) if journal is not None and journal.find("Title") is not None else None,
                    "iso_abbreviation": text(journal.find("ISOAbbreviation")) if journal is not None and journal.find("ISOAbbreviation") is not None else None,
                    "issn": text(journal.find("ISSN")) if journal is not None and journal.find("ISSN") is not None else None},
        "year": year,
        "publication_types": [text(p) for p in art.findall("PublicationTypeList/PublicationType")] if art is not None else [],
        "mesh": [{"ui": d.get("UI"), "name": text(d), "major": d.get("MajorTopicYN") == "Y"}
                 for d in mc.findall("MeshHeadingList/MeshHeading/DescriptorName")],
        "chemicals": [{"registry_number": text(c.find("RegistryNumber")), "name": text(c.find("NameOfSubstance")),
                       "ui": c.find("NameOfSubstance").get("UI")} for c in mc.findall("ChemicalList/Chemical")],
        "keywords": [text(k) for k in mc.findall("KeywordList/Keyword")],
        "doi": ids.get("doi"), "pmc": ids.get("pmc"),
    }

for path in sys.argv[1:]:
    with (gzip.open(path) if path.endswith(".gz") else open(path, "rb")) as f:
        root = ET.parse(f).getroot()
    for e in root:
        if e.tag == "PubmedArticle":
            print(json.dumps(citation(e.find("MedlineCitation"), e.find("PubmedData")), ensure_ascii=False))
        elif e.tag == "MedlineCitation":
            print(json.dumps(citation(e, None), ensure_ascii=False))
        elif e.tag == "DeleteCitation":
            print(json.dumps({"deleted": [{"pmid": text(p).strip(), "version": int(p.get("Version", "1"))}
                                          for p in e.findall("PMID")]}))
