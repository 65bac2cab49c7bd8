#!/usr/bin/env python3
"""Writes corpus/: small PubMed-format files whose text the pgx project wrote itself (no copied
abstracts). They exercise the reader and the extractor: PGx sentences, a structured abstract, inline
markup and MathML, an update file with a revised version and a DeleteCitation block, and one bad record.

  scripts/make-corpus.py            (rewrites corpus/*.xml, corpus/*.xml.gz)
"""
import gzip, os
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "corpus")
HEAD = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, '
        '1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>\n')

def record(pmid, title, sections, year=2021, version=1, mesh=(), chemicals=(), keywords=(), journal="Pharmacogenomics (Example)",
           iso="Pharmacogenomics (Ex)", issn="0000-0001", raw_title=False, medline_date=None, pmid_element=True):
    t = title if raw_title else escape(title)
    abst = ""
    if sections:
        parts = []
        for label, cat, text, raw in sections:
            attrs = (f' Label="{label}" NlmCategory="{cat}"' if label else "")
            parts.append(f"<AbstractText{attrs}>{text if raw else escape(text)}</AbstractText>")
        abst = "<Abstract>" + "".join(parts) + "</Abstract>"
    date = f"<MedlineDate>{medline_date}</MedlineDate>" if medline_date else f"<Year>{year}</Year><Month>Mar</Month>"
    mh = "".join(f'<MeshHeading><DescriptorName UI="{ui}" MajorTopicYN="{"Y" if major else "N"}">{escape(n)}</DescriptorName></MeshHeading>'
                 for ui, n, major in mesh)
    ch = "".join(f'<Chemical><RegistryNumber>{rn}</RegistryNumber><NameOfSubstance UI="{ui}">{escape(n)}</NameOfSubstance></Chemical>'
                 for rn, n, ui in chemicals)
    kw = "".join(f'<Keyword MajorTopicYN="N">{escape(k)}</Keyword>' for k in keywords)
    pm = f'<PMID Version="{version}">{pmid}</PMID>' if pmid_element else ""
    return (f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">{pm}'
            f'<DateRevised><Year>{year + 1}</Year><Month>01</Month><Day>05</Day></DateRevised>'
            f'<Article PubModel="Print"><Journal><ISSN IssnType="Print">{issn}</ISSN><JournalIssue CitedMedium="Print">'
            f'<Volume>12</Volume><Issue>3</Issue><PubDate>{date}</PubDate></JournalIssue><Title>{escape(journal)}</Title>'
            f'<ISOAbbreviation>{escape(iso)}</ISOAbbreviation></Journal><ArticleTitle>{t}</ArticleTitle>{abst}'
            f'<AuthorList CompleteYN="Y"><Author ValidYN="Y"><LastName>Example</LastName><ForeName>Ada</ForeName><Initials>A</Initials></Author></AuthorList>'
            f'<Language>eng</Language><PublicationTypeList><PublicationType UI="D016428">Journal Article</PublicationType></PublicationTypeList></Article>'
            f'<MedlineJournalInfo><Country>England</Country><MedlineTA>Pharmacogenomics</MedlineTA></MedlineJournalInfo>'
            + (f"<ChemicalList>{ch}</ChemicalList>" if ch else "") + (f"<MeshHeadingList>{mh}</MeshHeadingList>" if mh else "")
            + (f'<KeywordList Owner="NOTNLM">{kw}</KeywordList>' if kw else "")
            + f'</MedlineCitation><PubmedData><PublicationStatus>ppublish</PublicationStatus><ArticleIdList>'
            f'<ArticleId IdType="pubmed">{pmid}</ArticleId><ArticleId IdType="doi">10.9999/pgx.example.{pmid}</ArticleId>'
            f'</ArticleIdList></PubmedData></PubmedArticle>\n')

def plain(text):
    return [(None, None, text, False)]

baseline = [
    record(99000001, "CYP2C19 loss-of-function alleles and clopidogrel response after coronary stenting.",
           [("BACKGROUND", "BACKGROUND", "Clopidogrel is a prodrug activated mainly by CYP2C19.", False),
            ("METHODS", "METHODS", "We genotyped 412 patients for CYP2C19*2 and CYP2C19*3 and measured platelet reactivity.", False),
            ("RESULTS", "RESULTS", "CYP2C19 poor metabolizers had reduced platelet inhibition and more ischemic events during "
             "clopidogrel treatment than normal metabolizers. Carriers of the *17 allele showed an increased response.", False),
            ("CONCLUSIONS", "CONCLUSIONS", "Genotype-guided selection of an alternative P2Y12 inhibitor such as prasugrel may benefit carriers of CYP2C19*2.", False)],
           year=2019, mesh=[("D000077144", "Clopidogrel", True), ("D065766", "Cytochrome P-450 CYP2C19", True)],
           chemicals=[("A74NEC8P1G", "Clopidogrel", "D000077144")], keywords=["pharmacogenomics", "CYP2C19"]),
    record(99000002, "HLA-B*58:01 and allopurinol-induced severe cutaneous adverse reactions.",
           plain("Carriers of HLA-B*58:01 had a markedly increased risk of allopurinol-induced Stevens-Johnson syndrome and "
                 "toxic epidermal necrolysis (SJS/TEN) compared with non-carriers (OR 58.6, 95% CI 20.1-170.8)."),
           year=2020, mesh=[("D000493", "Allopurinol", True)]),
    record(99000003, "VKORC1 and CYP2C9 genotypes and warfarin maintenance dose.",
           plain("The VKORC1 -1639G>A (rs9923231) variant was associated with lower warfarin dose requirements. "
                 "Patients carrying CYP2C9*3 needed 30% less warfarin than those with the *1/*1 genotype, i.e. about 3.1 vs. 4.4 mg/day."),
           medline_date="2018 May-Jun"),
    record(99000004, "Thiopurine toxicity in <i>TPMT</i> and <i>NUDT15</i> variant carriers.",
           plain("TPMT*3A heterozygotes developed severe neutropenia on standard doses of azathioprine. "
                 "No significant difference in 6-mercaptopurine tolerance was observed for NUDT15 rs116855232 in this cohort."),
           raw_title=True, year=2022),
    record(99000005, "DPYD variants and fluoropyrimidine toxicity.",
           [(None, None, "DPYD c.1905+1G&gt;A (DPYD*2A) carriers experienced severe toxicity with 5-fluorouracil (5-FU). "
             "Grade 3 diarrhea occurred in 4 of 5 carriers treated with 5-FU at 600 mg/m<sup>2</sup>; "
             "dose reductions of 50% are recommended for heterozygous carriers of <i>DPYD</i>*2A.", True)], year=2023),
    record(99000006, "SLCO1B1 and statin efficacy: a null result.",
           plain("SLCO1B1 rs4149056 was not associated with atorvastatin efficacy (p = 0.41), although it may increase "
                 "simvastatin exposure. Approx. 20% of patients discontinued therapy."), year=2017),
    record(99000007, "Codeine, morphine formation and CYP2D6 ultrarapid metabolism.",
           plain("CYP2D6 ultrarapid metabolizers showed higher plasma concentrations of morphine after codeine administration, "
                 "whereas poor metabolizers had lower exposure and reduced analgesia."), year=2016),
    record(99000008, "A pharmacokinetic model of tacrolimus clearance by CYP3A5 expressers.",
           [(None, None, "Clearance followed <mml:math xmlns:mml=\"http://www.w3.org/1998/Math/MathML\"><mml:mi>CL</mml:mi>"
             "<mml:mo>=</mml:mo><mml:mn>1.8</mml:mn></mml:math> L/h in CYP3A5*1 carriers, whose tacrolimus trough concentrations "
             "were lower than those of CYP3A5*3/*3 patients (rs776746).", True)], year=2021),
    record(99000009, "Editorial: the future of pharmacogenomic testing.", [], year=2024),
]

bad = [
    record(99000010, "Abacavir hypersensitivity and HLA-B*57:01.",
           plain("Abacavir hypersensitivity reactions occurred only in HLA-B*57:01 positive patients."), year=2015),
    # A record whose PMID element was lost: the reader reports it (naming file and line) and goes on.
    record(99000011, "A record without a PMID.", plain("This record has lost its PMID element."), pmid_element=False),
    record(99000012, "Ivacaftor in CFTR G551D carriers.",
           plain("Ivacaftor improved lung function in patients with the CFTR G551D mutation."), year=2012),
]

update = [
    record(99000003, "VKORC1 and CYP2C9 genotypes and warfarin maintenance dose (corrected).",
           plain("The VKORC1 -1639G>A (rs9923231) variant was associated with lower warfarin dose requirements, "
                 "and CYP2C9*2 and CYP2C9*3 carriers required lower doses."), year=2018, version=2),
]

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "pgx-baseline.xml"), "w", encoding="utf-8") as f:
    f.write(HEAD + "".join(baseline) + "</PubmedArticleSet>\n")
with open(os.path.join(OUT, "pgx-bad-record.xml"), "w", encoding="utf-8") as f:
    f.write(HEAD + "".join(bad) + "</PubmedArticleSet>\n")
body = HEAD + "".join(update) + '<DeleteCitation>\n<PMID Version="1">99000006</PMID>\n</DeleteCitation>\n</PubmedArticleSet>\n'
with gzip.GzipFile(os.path.join(OUT, "pgx-update.xml.gz"), "wb", mtime=0) as f:
    f.write(body.encode("utf-8"))
print("wrote corpus/pgx-baseline.xml, corpus/pgx-bad-record.xml, corpus/pgx-update.xml.gz")
