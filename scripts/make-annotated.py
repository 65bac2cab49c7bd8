#!/usr/bin/env python3
"""Writes corpus/annotated/pgx-sentences.jsonl: sentences the pgx project wrote itself (no copied text),
annotated in the ../shared/data/gold sentence format, which `pgx train` adds to its training data.

Every gene/variant–drug pair of a sentence is judged (no "subset" key): the pairs listed are related
("associated": true, with "negated": true when the text denies the effect), and any other pair pgx finds
in the sentence is taken as unrelated. The conventions follow the gold sets: a sentence relates a genetic
factor to a drug when it says the factor changes the drug's exposure, response, toxicity or dose, or that
the gene's product metabolizes, transports or is the target of the drug; a methods sentence that only
says who took what and what was genotyped relates nothing, and neither does a drug named beside a
finding about another drug.

The examples stress what the gold sets have few of: negation reaching across a clause, "but not",
"respectively", contrasts with "whereas", study-design sentences, co-medications, and findings stated
with a metabolizer phenotype.

  scripts/make-annotated.py       (rewrites corpus/annotated/pgx-sentences.jsonl)

Each example: the text, then its related pairs as (drug, genetic) or (drug, genetic, "negated"); a name
written more than once is picked by "name@k" (its k-th occurrence, from 1).
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "corpus", "annotated", "pgx-sentences.jsonl")

EXAMPLES = [
    # findings, by category and kind of genetic factor
    ("Carriers of CYP2C19*2 had a lower active metabolite exposure and less platelet inhibition on clopidogrel than noncarriers.",
     [("clopidogrel", "CYP2C19*2")]),
    ("The area under the curve of omeprazole was fourfold higher in CYP2C19 poor metabolizers than in extensive metabolizers.",
     [("omeprazole", "CYP2C19")]),
    ("Patients homozygous for VKORC1 -1639A needed about half the weekly warfarin dose of GG patients.",
     [("warfarin", "VKORC1 -1639A")]),
    ("HLA-B*15:02 was present in 44 of 46 Han Chinese patients with carbamazepine-induced Stevens-Johnson syndrome.",
     [("carbamazepine", "HLA-B*15:02")]),
    ("TPMT-deficient children developed profound myelosuppression within weeks of starting standard doses of mercaptopurine.",
     [("mercaptopurine", "TPMT")]),
    ("The SLCO1B1 rs4149056 C allele was associated with simvastatin-induced myopathy (odds ratio 4.5 per copy).",
     [("simvastatin", "rs4149056")]),
    ("DPYD c.1905+1G>A carriers treated with capecitabine had grade 4 diarrhea and neutropenia more often than wild-type patients.",
     [("capecitabine", "c.1905+1G>A")]),
    ("Tacrolimus trough concentrations per milligram of dose were lower in CYP3A5 expressers, who needed higher doses to reach the target range.",
     [("Tacrolimus", "CYP3A5")]),
    ("Ultrarapid CYP2D6 metabolizers formed more morphine from codeine and had more respiratory depression.",
     [("codeine", "CYP2D6")]),
    ("UGT1A1*28 homozygosity predicted severe neutropenia after irinotecan at doses above 150 mg/m2.",
     [("irinotecan", "UGT1A1*28")]),
    ("The ABCG2 421C>A variant increased rosuvastatin plasma exposure by about 100% in healthy volunteers.",
     [("rosuvastatin", "ABCG2 421C>A")]),
    ("Response to gefitinib was seen in 71% of patients whose tumors carried the EGFR L858R mutation.",
     [("gefitinib", "EGFR L858R")]),
    ("The BRAF V600E mutation predicted benefit from vemurafenib in metastatic melanoma.",
     [("vemurafenib", "BRAF V600E")]),
    ("Among carriers of the IFNL3 rs12979860 CC genotype, sustained virological response to peginterferon and ribavirin was twice as common.",
     [("peginterferon", "rs12979860"), ("ribavirin", "rs12979860")]),
    ("NAT2 slow acetylators had higher isoniazid concentrations and more hepatotoxicity during tuberculosis treatment.",
     [("isoniazid", "NAT2")]),
    ("G6PD deficiency was found in all four patients who developed hemolysis after rasburicase.",
     [("rasburicase", "G6PD")]),
    ("Each CYP2C9*3 allele lowered the clearance of S-warfarin by roughly 40%.",
     [("S-warfarin", "CYP2C9*3")]),
    ("Efavirenz plasma concentrations were threefold higher in CYP2B6 516TT subjects, who reported more central nervous system symptoms.",
     [("Efavirenz", "CYP2B6 516TT")]),
    ("HLA-A*31:01 increased the risk of carbamazepine hypersensitivity in Europeans.",
     [("carbamazepine", "HLA-A*31:01")]),
    ("Poor metabolizers of CYP2D6 stopped tamoxifen more often and had shorter relapse-free survival.",
     [("tamoxifen", "CYP2D6")]),
    ("Atomoxetine exposure was tenfold greater in CYP2D6 poor metabolizers.",
     [("Atomoxetine", "CYP2D6")]),
    ("Carriers of the OPRM1 118G allele required more morphine for postoperative pain relief.",
     [("morphine", "OPRM1 118G")]),
    ("The KCNJ11 E23K variant modified the glucose-lowering response to gliclazide.",
     [("gliclazide", "KCNJ11 E23K")]),
    ("Metformin lowered HbA1c less in patients carrying reduced-function SLC22A1 alleles.",
     [("Metformin", "SLC22A1")]),
    ("CYP2C19*17 carriers had more bleeding events on clopidogrel.",
     [("clopidogrel", "CYP2C19*17")]),
    ("Voriconazole trough levels were subtherapeutic in most CYP2C19 ultrarapid metabolizers.",
     [("Voriconazole", "CYP2C19")]),
    ("The MTHFR 677TT genotype was associated with methotrexate-related mucositis in children with leukemia.",
     [("methotrexate", "MTHFR 677TT")]),
    ("NUDT15 R139C explained thiopurine intolerance in East Asian patients who had normal TPMT activity.",
     [("thiopurine", "NUDT15 R139C")]),
    ("Allopurinol-induced severe cutaneous adverse reactions were strongly associated with HLA-B*58:01.",
     [("Allopurinol", "HLA-B*58:01")]),
    ("Abacavir hypersensitivity did not occur in any of the patients who screened negative for HLA-B*57:01.",
     [("Abacavir", "HLA-B*57:01")]),

    # what a gene's product does to a drug (metabolism, transport, target)
    ("Clopidogrel is a prodrug that is converted to its active metabolite mainly by CYP2C19.",
     [("Clopidogrel", "CYP2C19")]),
    ("Irinotecan's active metabolite SN-38 is glucuronidated by UGT1A1.",
     [("Irinotecan", "UGT1A1"), ("SN-38", "UGT1A1")]),
    ("Imatinib inhibits the BCR-ABL1 kinase as well as KIT.",
     [("Imatinib", "BCR-ABL1"), ("Imatinib", "KIT")]),
    ("P-glycoprotein, encoded by ABCB1, limits the entry of digoxin into the brain.",
     [("digoxin", "P-glycoprotein"), ("digoxin", "ABCB1")]),
    ("Statins are taken up into hepatocytes by OATP1B1, the transporter encoded by SLCO1B1.",
     [("Statins", "OATP1B1"), ("Statins", "SLCO1B1")]),

    # negated findings: the relation is stated and denied
    ("SLCO1B1 rs4149056 was not associated with the LDL-lowering response to atorvastatin.",
     [("atorvastatin", "rs4149056", "negated")]),
    ("There was no significant difference in the steady-state concentrations of escitalopram, sertraline or venlafaxine between the ABCB1 genotype groups.",
     [("escitalopram", "ABCB1", "negated"), ("sertraline", "ABCB1", "negated"), ("venlafaxine", "ABCB1", "negated")]),
    ("Neither the CYP3A4*22 nor the CYP3A5*3 allele affected the clearance of midazolam in these critically ill patients.",
     [("midazolam", "CYP3A4*22", "negated"), ("midazolam", "CYP3A5*3", "negated")]),
    ("The COMT Val158Met polymorphism does not appear to influence the analgesic requirement for fentanyl after surgery.",
     [("fentanyl", "COMT Val158Met", "negated")]),
    ("CYP2C9 genotype is not an important determinant of celecoxib exposure at the doses used clinically.",
     [("celecoxib", "CYP2C9", "negated")]),
    ("The ABCC2 -24C>T variant did not contribute to the variability of methotrexate elimination.",
     [("methotrexate", "ABCC2 -24C>T", "negated")]),
    ("We found no association between GSTP1 Ile105Val and oxaliplatin neurotoxicity.",
     [("oxaliplatin", "GSTP1 Ile105Val", "negated")]),
    ("Plasma levels of paroxetine were similar between CYP2D6 intermediate and extensive metabolizers.",
     [("paroxetine", "CYP2D6", "negated")]),
    ("A nonsignificant trend toward more nausea with ondansetron was seen in HTR3B deletion carriers.",
     [("ondansetron", "HTR3B", "negated")]),

    # negation and contrast reach one clause, not the whole sentence
    ("The AUC of tacrolimus did not differ between CYP2C19 genotypes, but it was twice as high in CYP3A5*3/*3 patients as in CYP3A5*1 carriers.",
     [("tacrolimus", "CYP2C19", "negated"), ("tacrolimus", "CYP3A5*3/*3"), ("tacrolimus", "CYP3A5*1")]),
    ("CYP2C9*3 lowered the dose requirement of acenocoumarol, whereas CYP4F2 rs2108622 had no effect on it.",
     [("acenocoumarol", "CYP2C9*3"), ("acenocoumarol", "rs2108622", "negated")]),
    ("The MTHFR 1298A>C variant, but not 677C>T, was associated with methotrexate toxicity.",
     [("methotrexate", "1298A>C"), ("methotrexate", "677C>T", "negated")]),
    ("HLA-B*15:02 predicted hypersensitivity to carbamazepine and oxcarbazepine but not to lamotrigine.",
     [("carbamazepine", "HLA-B*15:02"), ("oxcarbazepine", "HLA-B*15:02"), ("lamotrigine", "HLA-B*15:02", "negated")]),
    ("While CYP2D6 genotype explained part of the variability in metoprolol concentrations, it was unrelated to the heart rate response.",
     [("metoprolol", "CYP2D6")]),

    # lists and "respectively"
    ("The CYP2C19*2, CYP2C9*2 and CYP3A5*3 alleles were associated with clopidogrel, warfarin and tacrolimus exposure, respectively.",
     [("clopidogrel", "CYP2C19*2"), ("warfarin", "CYP2C9*2"), ("tacrolimus", "CYP3A5*3")]),
    ("Resistance to lamivudine and to efavirenz was conferred by M184V and K103N, respectively.",
     [("lamivudine", "M184V"), ("efavirenz", "K103N")]),
    ("The T315I mutation confers resistance to imatinib, dasatinib and nilotinib but remains sensitive to ponatinib.",
     [("imatinib", "T315I"), ("dasatinib", "T315I"), ("nilotinib", "T315I"), ("ponatinib", "T315I")]),

    # design, methods and background: named together, nothing related
    ("Patients on a stable warfarin dose were genotyped for CYP2C9, VKORC1 and CYP4F2 with a TaqMan assay.",
     []),
    ("DNA was extracted from whole blood of 312 patients treated with clopidogrel and aspirin, and CYP2C19*2 and *3 were determined by PCR-RFLP.",
     []),
    ("We enrolled 150 kidney transplant recipients receiving tacrolimus and mycophenolate mofetil and genotyped CYP3A5 rs776746.",
     []),
    ("The aim of this study was to examine whether ABCB1 polymorphisms influence the response to risperidone.",
     [("risperidone", "ABCB1")]),
    ("Genotyping for HLA-B*58:01 before allopurinol is recommended in populations where the allele is common.",
     [("allopurinol", "HLA-B*58:01")]),
    ("Blood samples for cyclosporine and tacrolimus measurements were taken 12 hours after the evening dose, and the MDR1 C3435T genotype was determined from the same sample.",
     []),
    ("Samples were analysed on an Illumina array covering 1,936 variants in ADME genes, including CYP2D6, CYP2C19 and SLCO1B1.",
     []),

    # a co-medication beside a finding about another drug
    ("In patients also taking omeprazole, CYP2C19*2 carriers had higher on-treatment platelet reactivity with clopidogrel.",
     [("clopidogrel", "CYP2C19*2")]),
    ("CYP2D6 poor metabolizers given paroxetine had higher exposure to it, irrespective of concomitant lorazepam.",
     [("paroxetine", "CYP2D6")]),
    ("The UGT2B17 deletion reduced exemestane glucuronidation in vitro, while letrozole was not tested.",
     [("exemestane", "UGT2B17")]),

    # in vitro and cell studies
    ("HEK293 cells expressing OATP1B1*15 took up less atorvastatin than cells expressing the reference protein.",
     [("atorvastatin", "OATP1B1*15")]),
    ("Recombinant CYP2D6*10 metabolized tramadol to O-desmethyltramadol at a lower rate than CYP2D6*1.",
     [("tramadol", "CYP2D6*10"), ("tramadol", "CYP2D6*1"), ("O-desmethyltramadol", "CYP2D6*10"), ("O-desmethyltramadol", "CYP2D6*1")]),
    ("The EGFR T790M mutation abolished the inhibition of phosphorylation by erlotinib in Ba/F3 cells.",
     [("erlotinib", "EGFR T790M")]),
    ("Cells transfected with the KRAS G12D mutant were resistant to cetuximab.",
     [("cetuximab", "KRAS G12D")]),

    # hedged findings are still findings
    ("These results suggest that the CYP3A4*1B variant may contribute to interindividual variability in docetaxel clearance.",
     [("docetaxel", "CYP3A4*1B")]),
    ("DRD2 Taq1A might modify the risk of weight gain with olanzapine, a hypothesis that needs confirmation.",
     [("olanzapine", "DRD2 Taq1A")]),

]


def find(text, name):
    """The span of name in text (name@k: its k-th occurrence)."""
    base, _, k = name.partition("@")
    k = int(k) if k else 1
    start = -1
    for _ in range(k):
        start = text.find(base, start + 1)
        if start < 0:
            sys.exit(f"make-annotated: '{base}' (occurrence {k}) is not in: {text}")
    return {"start": start, "end": start + len(base), "text": base}


def main():
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        for i, (text, pairs) in enumerate(EXAMPLES, 1):
            out = []
            for p in pairs:
                drug, genetic = p[0], p[1]
                rec = {"drug": find(text, drug), "genetic": find(text, genetic), "associated": True}
                if len(p) > 2 and p[2] == "negated":
                    rec["negated"] = True
                out.append(rec)
            f.write(json.dumps({"id": f"pgx-annotated-{i:03d}", "text": text, "pairs": out}, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}: {len(EXAMPLES)} sentences")


if __name__ == "__main__":
    main()
