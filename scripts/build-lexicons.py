#!/usr/bin/env python3
"""Builds rules/lexicons/*.tsv from the lexicon sources in ../shared/data/lexicon (reproducible: same
inputs, same output; the date written is the sources' snapshot date, not today's).

  scripts/build-lexicons.py [SHARED_DIR [OUT_DIR]]     (OUT_DIR defaults to rules/lexicons; the tests build
                                                     into a scratch folder and compare with the committed files)

Outputs (each starts with '#' lines naming source, license and date):
  genes.tsv      key, match (cs = case-sensitive | ci = case-insensitive), kind, symbol, hgnc, entrez, pgx
  drugs.tsv      key, match, kind (generic|synonym|brand|class|abbreviation), name, drugbank, rxnorm, atc
  variants.tsv   kind (rsid|star), key, gene, detail (function)
  phenotypes.tsv key, canonical, gene-scope
Only facts (names, symbols, ids) are copied; no text of any source.
"""
import csv, functools, json, os, re, sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared")
LEX = os.path.join(SHARED, "data", "lexicon")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "rules", "lexicons")
SNAPSHOT = "cpic-data 459e3eb (2026-04-30); PharmCAT 5431bf1 (2025-11-19); pypgx 0.27.0; org.Hs.eg.db 3.16.0 (NCBI Gene 2022-09-12); DrugBank open vocabulary (2025-02-22 copy)"

# Gene symbols and aliases that are English words, units, or common abbreviations in clinical
# abstracts: matching them as genes would flood the output with false mentions.
GENE_STOP = set("""
A AA AB AC ACT AD ADR ADRS AF AGE AID AIDS AIM AIR ALL ALT AM AML AN AND ANOVA APC APP ARC ARE ARM ART AS ASK AST AT AUC
B BAD BAG BAT BED BID BMI BP BSA C CA CAD CAN CAP CARD CC CD CF CHD CHF CI CKD CL CLL CM CML CNS CO COPD COX CP CPIC
CR CRC CRP CS CSF CT CTX CV CVD CYP D DAM DC DES DM DNA DO DPWG DR DRESS DVT E EAR EC ECG EEG EF EGF EM END ESRD ET F FA
FAT FC FDA FOR FOX G GAP GAS GC GFR GI GOT GPT GT H HAD HB HBV HCC HCV HD HDL HE HF HIS HIV HL HR HSR HT I IA IC ICU ID IDE
II III IL IM IMPACT INR IP IQR IR IS IT IV K KO L LAMP LBW LD LDL LOW M MA MAP MAX MCT MD ME MG MI MIN ML MM MR MRI MS
MTX N NA NAT NB NEW NHS NICE NM NO NOT NS NSCLC O OC OFF ON OR OS P PA PAH PC PCR PD PDA PE PET PG PGX PH PI PIG PK PM PMS
POLE PR PS PT QT R RA RAN RBC REM REST RM RNA RR RS S SAM SC SCLC SD SE SEA SET SHE SJS SLE SNP SNPS SO SON SP SR SS ST T TA
TAN TB TC TEN TG TH TI TIA TIP TM TOP TTP UM UP US VIP VTE WAS WBC WHO WT
ADP ATP AAS LDLC AMD RVR PCI SBP DBP ABC
MOL INN SCT ADAS PPG PINS FPG FINS
PFAS DDT SDS CTRL CA1 CA2 CA3
ACR EFS CPD MAF VIT
PRCC COPE STS
""".split())
# (the last lines: the fluorinated chemicals, the pesticide, the detergent of SDS-PAGE, "Ctrl" groups, hippocampal
# regions; ACR criteria, event-free survival, cigarettes per day, minor allele frequency, "Vit E"; papillary renal
# cell carcinoma ("pRCC"), the Brief COPE inventory and COPE trials, the Society of Thoracic Surgeons' score and
# soft-tissue sarcoma)
# Abbreviations that are also some gene's alias, left out as written alone (their hyphenated forms, "OCT-1",
# stay), by what they mean in PubMed text:
ALIAS_STOP = set(
    # clinical terms: heart transplantation, buprenorphine, autism spectrum disorder, mismatch repair, disease-
    # modifying therapy, irinotecan-fluorouracil-leucovorin, angiotensin receptor blocker, thioguanine nucleotides,
    # the MHC (a family below, not HLA-C), optical coherence tomography or the OCT family, experiment, a SNP,
    # cofactors
    "HTX BUP ASD MMR DMT IFL ARB TGN MHC OCT EXP SNP1 NADPH ATPASE "
    # in vitro fertilisation, eicosapentaenoic acid, platelet-activating factor, cause of death, Addiction
    # Severity Index, follicle-stimulating hormone (not BRD2)
    "IVF EPA PAF COD ASI FSH "
    # geometric mean ratio, sinoatrial node, regimen, agomelatine, a SNP written "SNiP", and HTR (F2R's old
    # alias) that starts serotonin receptor names ("HTR-1A")
    "GMR SAN REG AGO SNIP HTR "
    # viruses, chemicals and cell lines (SARS, MoS2, S1P, CO2, ROS, GTP, THP-1, HEK), cells and conditions (Th1
    # cells, implantable cardioverter-defibrillator, renal cell carcinoma, urinary tract infection, mild
    # cognitive impairment, NOD mice), methods and terms (extracellular matrix, flow cytometry, electron
    # paramagnetic resonance, factor VIII)
    "SARS MOS2 THP1 HEK TH1 S1P ICD RCC UTI CO2 ROS GTP ECM FCM MCI CPU EPR NOD VIII "
    # metabolites and reagents (methylmalonic or monomethylarsonic acid, dimethylarsinic acid, CCl4,
    # lipopolysaccharide), total parenteral nutrition, PACT, AWS, prefrontal cortex, calcineurin inhibitors,
    # primary myelofibrosis
    "MMA DMA TPN PACT AWS CCL PFC CNI LPS PMF "
    # found in general MEDLINE records (the benchmark's 27,000 non-PGx ones): units and measures (hPa, ATA
    # atmospheres absolute, %DBM dry biomass, Css steady-state concentration, zeta potential, C18 columns,
    # TNM stages), places and names (Aceh, Jos, Paris, Khoo Teck Puat, Tom, Calif., SCORE-MoSP, PRR1-
    # registered reports), trials, methods and software (RIFLE, ARMS genotyping, MACH imputation, TMT labels,
    # PDX xenografts), cells and strains (MIA PaCa-2, INS-1, Tor fish), drug abbreviations (Sac/Val,
    # CLR clarithromycin, Tax taxol, Indo, SCH and GDC compound codes), the HPA
    # axis, families and words (helicase, mucin, homodimer, HAT, SWI/SNF, BAR domains, GNAT,
    # Toll-like, C-C chemokines, CAM, envelope, hole, slim, Goat, Bank, Doors, Prism, Wars), and aliases of
    # another protein than the one their gene makes (hTIM-3, cathepsin CatL1, soluble ST2, Drosophila Fic)
    "HPA ATA DBM CSS ZETA C18 TNM ACEH JOS PARIS TECK TOM CALIF MOSP PRR1 RIFLE ARMS MACH TMT PDX PACA INS-1 "
    "TOR SAC CLR TAX INDO SCH GDC HELICASE MUCIN HOMODIMER HAT SWI BAR GNAT TOLL C-C "
    "ENVELOPE HOLE SLIM GOAT BANK DOORS PRISM WARS HTIM CATL1 SST2 FIC UTX CIN P167 EPI OGD ELA ITM LMN PME "
    "THP BTS SLACK PROF ENDO CAPE P11 VISA GES PER GOV HOA MAG1 CTM CALC EDD SIT SCN CTP CLI DING RSE NSC "
    "GT2 H11 CG2 CG-2 BP-1 BP-8 GRACILE HMIC MR-1 "
    # BAC clones (RP11-...), HIF-1 (SETD2's old alias; HIF1A's "HIF1" gives "HIF-1" below) and p50 (NF-kB's
    # subunit far more often than ARHGEF7)
    "RP11 HIF-1 P50 "
    # in PGx abstracts: mean absolute error (warfarin dosing algorithms), a "G16 allele", a cohort (ALA-ACRC),
    # and "apoA" (apolipoprotein A, as in "apoA-1"; LPA's apo(a) is written with brackets)
    "MAE G16 ACRC APOA "
    # OMIM's entry numbers ("[MIM: *604426]", "MIM 608657"; MTSS1's old alias "missing in metastasis")
    "MIM "
    # NCBI writes these without the hyphen or space the text has ("EG-1" an experimental group, "FM 3-11" a
    # field manual, "HPC 11", "GA 2", the LLC-1 cell line): the alias as NCBI writes it, which the hyphenated
    # and spaced forms are matched by
    "EG1 FM3 FM-3 HPC11 GA2 LLC1 "
    # the TOR complexes (TORC1/2, not CRTC1/2), a reinfusion therapy or CAR-T cells (KM-CART; not CARTPT), the
    # SWI/SNF BAF complex (not BANF1)
    "TORC1 TORC2 CART BAF "
    # Son of sevenless or a distress call (not XYLT2), the Gaussia luciferase reporter (not GBA), CreERT2
    # (not MAPK3), influenza's polymerase subunit PB1 and PB1 domains (not PBRM1)
    "SOS GLUC ERT2 PB1 "
    # small nuclear ribonucleoproteins and the phospholipase A2 family (not LSM2, PLA2G1B), soluble ST2 (IL1RL1,
    # not SDCBP2), and NCBI's hyphenated "b-protein" (the stop of "B protein" above did not reach it)
    "SNRNP PLA2 ST-2 B-PROTEIN "
    # Usher syndrome type 2 and the USH2 protein complex (not the gene USH2A alone); gigapascals and
    # granulomatosis with polyangiitis (not glycophorin A), a bacterial sequence type (not SDCBP), the posterior
    # probability of colocalization's hypothesis 4 (not KCNK3), hepatitis C virus's NS3 protease (not KRAS), the
    # bacterial chaperonins (not HSPD1, HSPE1)
    "USH2 GPA ST1 PPH4 NS3 GROEL GROES "
    # a syndrome (CATCH 22, the 22q11.2 deletion, not TBX1 alone) and a class of peroxiredoxins ("1-Cys Prx",
    # not PRDX6 alone)
    "CATCH22 1-CYS".split())
# Aliases left out only as written (and in no other case): "CAM" (complementary medicine, cell adhesion
# molecules) is no KRIT1, while "CaM" stays calmodulin, as written
ALIAS_STOP_AS_WRITTEN = {"CAM"}
# Aliases matched only as NCBI writes them, in capitals: "Tel" is Tel Aviv, "TEL" stays ETV6 (TEL-AML1)
ALIASES_AS_WRITTEN = {"TEL"}
# Symbols matched only as written, in capitals: "Rho" is the Rho GTPases (RhoA, Rho kinase), not rhodopsin
SYMBOLS_AS_WRITTEN = {"RHO", "TAT", "PRX"}  # and "Tat" is HIV's transactivator, "Prx" the peroxiredoxins
# Symbols left out alone but not as the stem of other names (GENE_STOP would also drop "RPE-65" for RPE65):
# the retinal pigment epithelium (not RPE), phosphatidylinositol phosphates (not PIP)
SYMBOLS_ALONE_STOP = {"RPE", "PIP"}
# (families written as one gene's alias, GPCR, PKC, PLC and RAF, are families below)
# Month names: "MARCH" and "APRIL" are aliases, "March" and "April" in an abstract are dates.
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
          "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
STEREO_PREFIX = re.compile(r"^(\((?:[RS]|[+-]|\u2212)\)-|[RSLD]-|dl-|\([+\u2212-]\)-)")
STEREO_PREFIX_CI = re.compile(STEREO_PREFIX.pattern, re.I)
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
ENGLISH_LIKE = re.compile(r"^[A-Z][a-z]+$")  # aliases like "Cat", "Impact"
# amino acids by their three letters, with their one letter (Ter, the stop, is X)
AMINO_LETTER = {"Ala": "A", "Arg": "R", "Asn": "N", "Asp": "D", "Cys": "C", "Gln": "Q", "Glu": "E", "Gly": "G", "His": "H",
                "Ile": "I", "Leu": "L", "Lys": "K", "Met": "M", "Phe": "F", "Pro": "P", "Ser": "S", "Thr": "T", "Trp": "W",
                "Tyr": "Y", "Val": "V", "Ter": "X"}
# the amino acids' three-letter names as words: with selenocysteine and pyrrolysine, without the stop
AMINO3 = (set(AMINO_LETTER) - {"Ter"}) | {"Sec", "Pyl"}

DRUG_STOP = set("""
air salt sugar light heat fat protein proteins control standard release same beam lambda bean
vitamin vitamins tea coffee milk honey serum plasma blood urine saline contrast radiotherapy opioid
hemoglobin haemoglobin glutathione creatinine alanine arginine asparagine aspartate cysteine glutamine glutamate glycine histidine isoleucine
leucine lysine methionine phenylalanine proline serine threonine tryptophan tyrosine valine inosine thymidine thymidylate
xanthine hypoxanthine heme adenosine phosphate fibrinogen angiotensin nadph nadh
carbon sterol sterols nadide
date chicken cherry balance capture monitor cascade dimension luminal water pear glucoside sulfate
inspire garnet snail phospholipids hematoxylin haematoxylin eosin formalin
""".split()) | {"escherichia coli", "factor 1a", "factor ia", "coenzyme a", "amino acids",
                      "cytochrome c", "alkaline phosphatase", "insulin-like growth factor 1", "insulin-like growth factor-1",
                      "insulin-like growth factor i", "igf-1", "igf-i",
                      "human interleukin 8", "interleukin 8", "interleukin-8", "interleukin 8 (human)"}
# (the words above and multi-word names: "factor-1a" ends SDF-1a's name; stains (hematoxylin and eosin) and the
# fixative formalin ("formalin-fixed paraffin-embedded") are reagents; cytochrome c is the protein whose
# release apoptosis papers measure, and starts "cytochrome c oxidase"; alkaline phosphatase is a liver and bone
# enzyme abstracts measure, the gene ALPL where it is one; IGF-1, the protein abstracts measure, is IGF1 (in
# PHARMACOLOGY_PROTEINS): mecasermin keeps its own name; so is interleukin-8, the chemokine CXCL8 that abstracts
# measure and genotype ("polymorphisms of interleukin 8"), never a drug given)

def spaced_name(name):
    """A name as gene names and drug synonyms are compared: lower case, each run of spaces and hyphens one space
    ("Interleukin-3" and "interleukin 3" meet)."""
    return re.sub(r"[\s-]+", " ", name.lower())


# Genes' full names that DrugBank lists as a protein drug's synonym and that mostly name the drug
# (high-dose interleukin-2 is aldesleukin's therapy)
PROTEIN_DRUG_NAMES = {"asparaginase", "tissue plasminogen activator", "interleukin 2"}

# Drug classes people write instead of drug names (ATC where one code fits).
DRUG_CLASSES = [
    ("antidepressants", "N06A"), ("antidepressant", "N06A"), ("tricyclic antidepressants", "N06AA"),
    ("selective serotonin reuptake inhibitors", "N06AB"), ("SSRIs", "N06AB"), ("SSRI", "N06AB"),
    ("serotonin-norepinephrine reuptake inhibitors", "N06AX"), ("SNRIs", "N06AX"),
    # PharmGKB's names of these classes first (the class's one name): "hmg coa reductase inhibitors", "tumor
    # necrosis factor alpha (tnf-alpha) inhibitors"
    ("HMG-CoA reductase inhibitors", "C10AA"), ("statins", "C10AA"), ("statin", "C10AA"),
    ("tumor necrosis factor alpha (TNF-alpha) inhibitors", "L04AB"),
    # "platinum" first, the class's name: PharmGKB curates platinum-based chemotherapy as "platinum"
    ("platinum", "L01XA"), ("platinum compounds", "L01XA"), ("platinum-based chemotherapy", "L01XA"), ("platinum agents", "L01XA"),
    ("opioids", "N02A"), ("opioid", "N02A"), ("opioid analgesics", "N02A"), ("opiates", "N02AA"), ("opiate", "N02AA"),
    ("thiopurines", "L04AX"), ("thiopurine", "L04AX"), ("fluoropyrimidines", "L01BC"), ("fluoropyrimidine", "L01BC"),
    ("beta-blockers", "C07A"), ("beta blockers", "C07A"), ("anticoagulants", "B01A"), ("oral anticoagulants", "B01AA"),
    ("coumarins", "B01AA"), ("vitamin K antagonists", "B01AA"), ("antiplatelet agents", "B01AC"), ("P2Y12 inhibitors", "B01AC"),
    ("antiepileptics", "N03A"), ("antiepileptic drugs", "N03A"), ("anticonvulsants", "N03A"),
    ("antipsychotics", "N05A"), ("antipsychotic", "N05A"), ("proton pump inhibitors", "A02BC"), ("PPIs", "A02BC"),
    ("aminoglycosides", "J01GB"), ("aminoglycoside antibiotics", "J01GB"),
    ("nonsteroidal anti-inflammatory drugs", "M01A"), ("NSAIDs", "M01A"), ("anthracyclines", "L01DB"), ("taxanes", "L01CD"),
    ("calcium channel blockers", "C08"), ("angiotensin-converting enzyme inhibitors", "C09A"), ("ACE inhibitors", "C09A"),
    ("angiotensin receptor blockers", "C09C"), ("corticosteroids", "H02A"),
    # inhaled corticosteroids by the class PharmGKB curates them as ("corticosteroids": six of the seven dev
    # abstracts curated with it say "inhaled corticosteroids" or "ICS")
    ("inhaled corticosteroids", "=corticosteroids"),
    ("glucocorticoids", "H02AB"), ("immunosuppressants", "L04A"), ("calcineurin inhibitors", "L04AD"),
    ("antiretrovirals", "J05A"), ("antiretroviral therapy", "J05A"), ("tyrosine kinase inhibitors", "L01E"),
    ("sulfonylureas", "A10BB"), ("volatile anesthetics", "N01AB"), ("volatile anaesthetics", "N01AB"),
    ("neuromuscular blocking agents", "M03A"), ("antimalarials", "P01B"), ("antithyroid drugs", "H03B"),
    ("bisphosphonates", "M05BA"), ("antihypertensives", "C02"), ("diuretics", "C03"), ("thiazide diuretics", "C03AA"),
    ("benzodiazepines", "N05BA"), ("triptans", "N02CC"), ("5-HT3 receptor antagonists", "A04AA"),
    ("interferons", "L03AB"), ("antiemetics", "A04A"), ("antineoplastic agents", "L01"),
    ("anthracycline", "L01DB"), ("taxane", "L01CD"), ("sulphonylureas", "A10BB"), ("sulfonylurea", "A10BB"),
    ("sulphonylurea", "A10BB"), ("TKIs", "L01E"), ("TKI", "L01E"),
    ("steroids", "H02A"), ("steroid", "H02A"), ("estrogens", "G03C"), ("estrogen", "G03C"), ("oestrogen", "G03C"),
    ("anticoagulant", "B01A"), ("antiplatelet", "B01AC"), ("ACE inhibitor", "C09A"), ("ACEI", "C09A"), ("ACEIs", "C09A"),
    ("ARBs", "C09C"), ("CCBs", "C08"), ("AEDs", "N03A"), ("TCAs", "N06AA"), ("ICS", "=corticosteroids"),
    ("beta-blocker", "C07A"), ("beta blocker", "C07A"), ("statin therapy", "C10AA"), ("thiazides", "C03AA"),
    ("antiretroviral drugs", "J05A"), ("aromatase inhibitors", "L02BG"), ("aromatase inhibitor", "L02BG"),
    ("neuroleptics", "N05A"), ("anti-TNF", "L04AB"), ("TNF inhibitors", "L04AB"), ("biologics", ""),
    ("chemotherapy", "L01"), ("chemotherapeutic agents", "L01"), ("chemotherapeutics", "L01"), ("platinums", "L01XA"),
    # (the full name first, as the class's one name: "non-nucleoside ..." had been read as the nucleoside class)
    ("nucleoside reverse transcriptase inhibitors", "J05AF"), ("nucleoside reverse transcriptase inhibitor", "J05AF"),
    ("NRTIs", "J05AF"), ("NRTI", "J05AF"),
    ("non-nucleoside reverse transcriptase inhibitors", "J05AG"), ("non-nucleoside reverse transcriptase inhibitor", "J05AG"),
    ("NNRTIs", "J05AG"), ("NNRTI", "J05AG"),
    ("leukotriene receptor antagonists", "R03DC"), ("leukotriene receptor antagonist", "R03DC"), ("LTRAs", "R03DC"),
    ("leukotriene antagonists", "R03DC"), ("leukotriene modifiers", "R03DC"),
    ("selective beta-2-adrenoreceptor agonists", "R03AC"), ("beta2-agonists", "R03AC"), ("beta2-agonist", "R03AC"),
    ("beta-2 agonists", "R03AC"), ("beta-2 agonist", "R03AC"), ("beta2-adrenergic agonists", "R03AC"),
    ("beta-2 adrenergic agonists", "R03AC"), ("beta2-adrenoceptor agonists", "R03AC"), ("LABAs", "R03AC"), ("LABA", "R03AC"),
    ("SABAs", "R03AC"), ("SABA", "R03AC"),
    ("anticholinergics", ""), ("anticholinergic drugs", "=anticholinergics"), ("anticholinergic agents", "=anticholinergics"),
    ("protease inhibitors", "J05AE"), ("monoclonal antibodies", "L01F"), ("interferon", "L03AB"),
    ("interferon alpha", "L03AB"), ("interferon-alpha", "L03AB"), ("IFN-alpha", "L03AB"), ("IFN", "L03AB"),
    ("hormone replacement therapy", "G03"), ("antiretroviral therapy", "J05A"), ("ART", "J05A"), ("HAART", "J05A"),
    ("cART", "J05A"), ("calcineurin inhibitor", "L04AD"),
    ("calcium channel blocker", "C08"), ("calcium channel antagonists", "C08"), ("calcium channel antagonist", "C08"),
    ("calcium antagonists", "C08"), ("calcium channel inhibitors", "C08"), ("calcium channel inhibitor", "C08"),
    # receptor antagonist classes by the receptor's full name ("angiotensin II receptor blockers" had been
    # angiotensin II and a "receptor blockers" agent)
    ("angiotensin II receptor blockers", "C09C"), ("angiotensin II receptor blocker", "C09C"),
    ("angiotensin II receptor antagonists", "C09C"), ("angiotensin II receptor antagonist", "C09C"),
    ("angiotensin receptor blocker", "C09C"), ("angiotensin receptor antagonists", "C09C"),
    ("angiotensin II type 1 receptor blockers", "C09C"), ("angiotensin II type 1 receptor antagonists", "C09C"),
    ("AT1 receptor blockers", "C09C"), ("AT1 receptor antagonists", "C09C"), ("ARB", "C09C"),
    ("H2-receptor antagonists", "A02BA"), ("H2-receptor antagonist", "A02BA"), ("H2 receptor antagonists", "A02BA"),
    ("H2 receptor antagonist", "A02BA"), ("histamine H2 receptor antagonists", "A02BA"),
    ("histamine H2-receptor antagonists", "A02BA"), ("H2 blockers", "A02BA"), ("H2RAs", "A02BA"),
    ("beta-adrenergic blockers", "C07A"), ("beta-adrenergic receptor blockers", "C07A"),
    ("beta-adrenergic receptor antagonists", "C07A"), ("beta-adrenergic antagonists", "C07A"),
    ("beta-adrenoceptor antagonists", "C07A"), ("beta-adrenergic blocking agents", "C07A"), ("beta-blocking agents", "C07A"),
    # a treatment PharmGKB curates as a drug (verteporfin with light; CFH and F13A1 in macular degeneration)
    ("photodynamic therapy", ""),
    ("polycyclic aromatic hydrocarbons", ""), ("PAHs", "=polycyclic aromatic hydrocarbons"), ("catecholamines", ""),
    ("catecholamine", "=catecholamines"),
    # more classes pharmacogenomic abstracts study as one (ATC; those named by their target, "DPP-4
    # inhibitors", are agents of the pattern, which keeps the gene inside)
    ("thiazolidinediones", "A10BG"), ("thiazolidinedione", "A10BG"), ("glitazones", "A10BG"), ("TZDs", "A10BG"),
    ("biguanides", "A10BA"), ("oral antidiabetic drugs", "A10B"), ("oral antidiabetics", "A10B"),
    ("oral hypoglycemic agents", "A10B"), ("oral hypoglycaemic agents", "A10B"), ("oral contraceptives", "G03AA"),
    ("oral contraceptive", "G03AA"), ("progestins", "G03D"), ("progestogens", "G03D"), ("macrolides", "J01FA"),
    ("macrolide antibiotics", "J01FA"), ("fluoroquinolones", "J01MA"), ("azole antifungals", "J02AC"),
    ("antihistamines", "R06A"), ("loop diuretics", "C03C"), ("antiarrhythmic drugs", "C01B"), ("antiarrhythmics", "C01B"),
    ("alkylating agents", "L01A"), ("vinca alkaloids", "L01CA"), ("local anesthetics", "N01B"), ("local anaesthetics", "N01B"),
    ("psychostimulants", "N06BA"), ("SNRI", "N06AX"),
]

# Names that stand for several drugs at once (facts): chemotherapy regimens by their components, and a
# product written without its variant ("peginterferon alfa" is alfa-2a or alfa-2b). A mention of one
# becomes one mention per component, each with its own DrugBank id.
REGIMENS = {
    "FOLFOX": ["fluorouracil", "leucovorin", "oxaliplatin"], "mFOLFOX6": ["fluorouracil", "leucovorin", "oxaliplatin"],
    "FOLFOX4": ["fluorouracil", "leucovorin", "oxaliplatin"], "FOLFOX6": ["fluorouracil", "leucovorin", "oxaliplatin"],
    "FOLFIRI": ["fluorouracil", "leucovorin", "irinotecan"], "FOLFIRINOX": ["fluorouracil", "leucovorin", "irinotecan", "oxaliplatin"],
    "XELOX": ["capecitabine", "oxaliplatin"], "CAPOX": ["capecitabine", "oxaliplatin"], "XELIRI": ["capecitabine", "irinotecan"],
    "CAPIRI": ["capecitabine", "irinotecan"], "CMF": ["cyclophosphamide", "methotrexate", "fluorouracil"],
    "FEC": ["fluorouracil", "epirubicin", "cyclophosphamide"], "CHOP": ["cyclophosphamide", "doxorubicin", "vincristine", "prednisone"],
    "R-CHOP": ["rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone"],
    "ABVD": ["doxorubicin", "bleomycin", "vinblastine", "dacarbazine"],
    "co-trimoxazole": ["sulfamethoxazole", "trimethoprim"], "cotrimoxazole": ["sulfamethoxazole", "trimethoprim"],
    "trimethoprim-sulfamethoxazole": ["sulfamethoxazole", "trimethoprim"], "TMP-SMX": ["sulfamethoxazole", "trimethoprim"],
    "sulfamethoxazole-trimethoprim": ["sulfamethoxazole", "trimethoprim"], "SMX-TMP": ["sulfamethoxazole", "trimethoprim"], "BEP": ["bleomycin", "etoposide", "cisplatin"],
    "peginterferon": ["peginterferon alfa-2a", "peginterferon alfa-2b"], "peginterferon alfa": ["peginterferon alfa-2a", "peginterferon alfa-2b"],
    "peginterferon alpha": ["peginterferon alfa-2a", "peginterferon alfa-2b"], "pegylated interferon": ["peginterferon alfa-2a", "peginterferon alfa-2b"],
    "pegylated interferon alfa": ["peginterferon alfa-2a", "peginterferon alfa-2b"], "pegylated interferon alpha": ["peginterferon alfa-2a", "peginterferon alfa-2b"],
    "pegylated-interferon": ["peginterferon alfa-2a", "peginterferon alfa-2b"], "peg-interferon": ["peginterferon alfa-2a", "peginterferon alfa-2b"],
    "peg-interferon alfa": ["peginterferon alfa-2a", "peginterferon alfa-2b"], "peg-interferon alpha": ["peginterferon alfa-2a", "peginterferon alfa-2b"],
    "PEG-IFN": ["peginterferon alfa-2a", "peginterferon alfa-2b"], "PegIFN": ["peginterferon alfa-2a", "peginterferon alfa-2b"],
    "pegIFN": ["peginterferon alfa-2a", "peginterferon alfa-2b"], "Peg-IFN": ["peginterferon alfa-2a", "peginterferon alfa-2b"],
    "PEG-IFN-alpha": ["peginterferon alfa-2a", "peginterferon alfa-2b"], "PEG-IFN alpha": ["peginterferon alfa-2a", "peginterferon alfa-2b"],
    "pegIFN-alpha": ["peginterferon alfa-2a", "peginterferon alfa-2b"], "PEG-IFNalpha": ["peginterferon alfa-2a", "peginterferon alfa-2b"],
    "pegIFNalpha": ["peginterferon alfa-2a", "peginterferon alfa-2b"], "PegIFNalpha": ["peginterferon alfa-2a", "peginterferon alfa-2b"],
    # brand names of fixed-dose combinations: each names all its drugs
    "Orkambi": ["lumacaftor", "ivacaftor"], "Symdeko": ["tezacaftor", "ivacaftor"], "Trikafta": ["elexacaftor", "tezacaftor", "ivacaftor"],
    "Atripla": ["efavirenz", "emtricitabine", "tenofovir disoproxil"], "Truvada": ["emtricitabine", "tenofovir disoproxil"],
    "Kaletra": ["lopinavir", "ritonavir"], "Bactrim": ["sulfamethoxazole", "trimethoprim"],
}

# Elements and ions written alone (arsenic exposure, lithium response).
ELEMENTS = ["arsenic", "lithium", "lead", "cadmium", "mercury", "iron", "copper", "zinc", "selenium", "manganese",
            "nickel", "chromium", "cobalt", "aluminum", "aluminium", "triglyceride", "triglycerides", "placebo", "alcohol",
            "ethanol", "nicotine", "caffeine", "tobacco", "cigarette smoke", "acetaldehyde", "glucose", "insulin"]

ELEMENTS_CLASSES = {"placebo", "alcohol", "tobacco", "cigarette smoke", "insulin"}

# Drug metabolites that pharmacokinetic studies measure and curators list as chemicals of their own, absent
# from the DrugBank open vocabulary (facts: names). Each name maps to itself, without a DrugBank id.
METABOLITES = {
    "cotinine": ["cotinine"], "3-hydroxycotinine": ["3-hydroxycotinine", "trans-3'-hydroxycotinine", "3'-hydroxycotinine"],
    "endoxifen": ["endoxifen"], "norendoxifen": ["norendoxifen"],
    # the vitamin D status measured in serum (D2 and D3 forms together; DrugBank's calcifediol is the D3 form)
    "25-hydroxyvitamin d": ["25-hydroxyvitamin d", "25-hydroxy vitamin d", "25-hydroxy-vitamin d", "25(oh)d", "25-oh-d"],
    "n-desmethyltamoxifen": ["n-desmethyltamoxifen", "desmethyltamoxifen", "n-desmethyl tamoxifen"],
    "o-desmethyltramadol": ["o-desmethyltramadol", "desmethyltramadol", "o-desmethyl tramadol"],
    "morphine-3-glucuronide": ["morphine-3-glucuronide", "morphine 3-glucuronide"], "norbuprenorphine": ["norbuprenorphine"],
    "hydroxybupropion": ["hydroxybupropion"], "desmethylcitalopram": ["desmethylcitalopram", "n-desmethylcitalopram"],
    "7-hydroxymethotrexate": ["7-hydroxymethotrexate", "7-hydroxy-methotrexate"],
    "6-methylmercaptopurine": ["6-methylmercaptopurine", "6-methyl-mercaptopurine", "6-mmp"],
    "6-thioguanine nucleotides": ["6-thioguanine nucleotides", "thioguanine nucleotides", "6-tgn", "6-tgns"],
    "4-hydroxycyclophosphamide": ["4-hydroxycyclophosphamide", "4-hydroxy-cyclophosphamide"],
    "carbamazepine-10,11-epoxide": ["carbamazepine-10,11-epoxide", "carbamazepine 10,11-epoxide", "carbamazepine epoxide"],
    "desethylamiodarone": ["desethylamiodarone"], "simvastatin acid": ["simvastatin acid"],
    "5-hydroxyomeprazole": ["5-hydroxyomeprazole", "5-hydroxy omeprazole"], "omeprazole sulfone": ["omeprazole sulfone", "omeprazole sulphone"],
    "hydroxyitraconazole": ["hydroxyitraconazole", "hydroxy-itraconazole"], "norketamine": ["norketamine"],
    "1'-hydroxymidazolam": ["1'-hydroxymidazolam", "1-hydroxymidazolam", "alpha-hydroxymidazolam"],
    "4-hydroxydebrisoquine": ["4-hydroxydebrisoquine"], "noroxycodone": ["noroxycodone"],
    "acetylisoniazid": ["acetylisoniazid", "n-acetylisoniazid"],
    "clopidogrel active metabolite": ["clopidogrel active metabolite", "active metabolite of clopidogrel"],
    "2-oxo-clopidogrel": ["2-oxo-clopidogrel", "2-oxoclopidogrel"],
    "mycophenolic acid glucuronide": ["mycophenolic acid glucuronide", "mpag"],
}

# Substances the body makes (and nutrients) that DrugBank lists as drugs (canonical names as the drug table has them): in
# pharmacogenomic abstracts they are mostly measured, not given ("LDL cholesterol", "plasma dopamine"). They
# stay drug mentions, of kind "endogenous", so the pair models can tell them from drugs that are given.
ENDOGENOUS = {
    "cholesterol", "dopamine", "serotonin", "norepinephrine", "acetylcholine", "histamine", "gamma-aminobutyric acid",
    "chloride ion", "calcium", "potassium", "magnesium", "oxygen", "nitric oxide", "carbon monoxide", "nitrate", "ammonia",
    "urea", "uric acid", "lactic acid", "homocysteine", "choline", "uridine", "adenine", "guanine",
    "cyclic adenosine monophosphate", "arachidonic acid", "angiotensin ii", "aldosterone", "thyrotropin", "bradykinin",
    "substance p", "leptin", "prothrombin", "thrombin", "fibrin", "coagulation factor x human", "human interleukin-6",
    "interleukin-10", "atp", "2'-deoxycytidine 5'-triphosphate", "uridine 5'-triphosphate", "creatine", "uracil",
    "dihydrouracil", "estrone", "chondroitin sulfate", "protein s human",
    # nutrients: taken in food and measured as cofactors (vitamin K for VKORC1, vitamin D for VDR)
    "phylloquinone", "vitamin d",
    # blood analytes the DrugBank open vocabulary does not name
    "glucose", "triglyceride", "triglycerides",
}

# A CYP gene or subfamily written by its enzyme name, apart or solid: "P450 2D6", "cytochrome P4503A".
P450_NAMES = ["P450 {}", "P450{}", "cytochrome P450 {}", "cytochrome P450{}", "cytochrome P-450 {}"]

# Enzymes DrugBank lists as drugs that are given as drugs (asparaginase in leukaemia): their names stay drugs
# although a gene is named the same. Other DrugBank entries named like a human enzyme, receptor, regulator,
# transporter or channel ("butyrylcholinesterase", "tyrosinase") are the gene's protein in text.
DRUG_ENZYMES = {"asparaginase"}
PROTEIN_NAME = re.compile(r"(ase|receptor|regulator|transporter|channel)\b|^coagulation factor|^protein [cs]$")

# Development codes of drugs that have since been named (the sponsors' codes in the drugs' INN/USAN
# records; facts: names only): abstracts of trials and cell studies write "VX-770" for ivacaftor and
# "AZD9291" for osimertinib, and a rule should carry the drug's name and id. Written as is, with a hyphen
# for a space, and with the sponsor's letters joined to the number by nothing, a hyphen or a space
# (case-sensitive).
DEVELOPMENT_CODES = {
    "VX-770": "ivacaftor", "VX-809": "lumacaftor", "VX-661": "tezacaftor", "VX-445": "elexacaftor", "VX-950": "telaprevir",
    "STI571": "imatinib", "STI-571": "imatinib", "CGP 57148": "imatinib", "ZD1839": "gefitinib", "OSI-774": "erlotinib",
    "ZD6474": "vandetanib", "PLX4032": "vemurafenib", "RG7204": "vemurafenib", "RO5185426": "vemurafenib",
    "GSK2118436": "dabrafenib", "GSK1120212": "trametinib", "AZD6244": "selumetinib", "ARRY-142886": "selumetinib",
    "GDC-0973": "cobimetinib", "XL518": "cobimetinib", "MEK162": "binimetinib", "LGX818": "encorafenib",
    "PF-02341066": "crizotinib", "PF-2341066": "crizotinib", "LDK378": "ceritinib", "CH5424802": "alectinib",
    "PF-06463922": "lorlatinib", "AP26113": "brigatinib", "INC280": "capmatinib", "RXDX-101": "entrectinib",
    "LOXO-101": "larotrectinib", "AZD9291": "osimertinib", "BIBW 2992": "afatinib", "PF-00299804": "dacomitinib",
    "CO-1686": "rociletinib", "HKI-272": "neratinib", "ONT-380": "tucatinib", "AMN107": "nilotinib", "BMS-354825": "dasatinib",
    "SKI-606": "bosutinib", "AP24534": "ponatinib", "GW572016": "lapatinib", "BAY 43-9006": "sorafenib", "SU11248": "sunitinib",
    "GW786034": "pazopanib", "AG-013736": "axitinib", "XL184": "cabozantinib", "RAD001": "everolimus", "CCI-779": "temsirolimus",
    "PS-341": "bortezomib", "LY231514": "pemetrexed", "R115777": "tipifarnib", "SCH 66336": "lonafarnib",
    "PD-0332991": "palbociclib", "LEE011": "ribociclib", "LY2835219": "abemaciclib", "ABT-199": "venetoclax",
    "GDC-0199": "venetoclax", "ABT-888": "veliparib", "AZD2281": "olaparib", "KU-0059436": "olaparib", "MK-4827": "niraparib",
    "AG-014699": "rucaparib", "BMN 673": "talazoparib", "INCB018424": "ruxolitinib", "CP-690550": "tofacitinib",
    "CP-690,550": "tofacitinib", "PCI-32765": "ibrutinib", "CAL-101": "idelalisib", "BYL719": "alpelisib",
    "MK-3475": "pembrolizumab", "BMS-936558": "nivolumab", "MDX-1106": "nivolumab", "ONO-4538": "nivolumab",
    "MDX-010": "ipilimumab", "TMC125": "etravirine", "TMC278": "rilpivirine", "TMC114": "darunavir", "MK-0518": "raltegravir",
    "GSK1349572": "dolutegravir", "DMP 266": "efavirenz", "SCH 503034": "boceprevir", "GS-7977": "sofosbuvir",
    "PSI-7977": "sofosbuvir", "BMS-790052": "daclatasvir", "TMC435": "simeprevir", "LBH589": "panobinostat",
    "AZD6140": "ticagrelor", "CS-747": "prasugrel", "BMS-562247": "apixaban", "BAY 59-7939": "rivaroxaban",
    "BIBR 1048": "dabigatran etexilate", "MK-0431": "sitagliptin", "CGS 20267": "letrozole", "ICI 182,780": "fulvestrant",
    "ICI 182780": "fulvestrant", "AMG 510": "sotorasib", "MRTX849": "adagrasib", "ASP2215": "gilteritinib",
    "PKC412": "midostaurin", "AC220": "quizartinib", "AG-221": "enasidenib", "AG-120": "ivosidenib",
    "PSC 833": "valspodar", "SDZ PSC 833": "valspodar",
}

# Abbreviations of drug names common in pharmacogenomic abstracts (written as is, case-sensitive).
ABBREVIATIONS = {
    "MTX": "methotrexate", "CBZ": "carbamazepine", "AZA": "azathioprine", "RBV": "ribavirin", "5-FU": "fluorouracil", "6-MP": "mercaptopurine", "6-TG": "thioguanine", "CsA": "cyclosporine",
    "MMF": "mycophenolate mofetil", "MPA": "mycophenolic acid", "EFV": "efavirenz", "NVP": "nevirapine", "AZT": "zidovudine",
    "3TC": "lamivudine", "TDF": "tenofovir disoproxil", "ATV": "atazanavir", "LPV": "lopinavir", "VPA": "valproic acid",
    "LTG": "lamotrigine", "PHT": "phenytoin", "OXC": "oxcarbazepine", "CLZ": "clozapine", "ASA": "acetylsalicylic acid",
    "APAP": "acetaminophen", "INH": "isoniazid", "RIF": "rifampicin", "ATRA": "tretinoin", "Ara-C": "cytarabine",
    "CPT-11": "irinotecan", "SN-38": "sn-38", "L-OHP": "oxaliplatin", "CDDP": "cisplatin", "DDP": "cisplatin",
    "PTX": "paclitaxel", "DTX": "docetaxel", "TAM": "tamoxifen", "METH": "methamphetamine", "MDMA": "midomafetamine",
    "THC": "dronabinol", "STZ": "streptozocin", "LAM": "lamivudine", "ADV": "adefovir dipivoxil", "ETV": "entecavir",
    "FK506": "tacrolimus", "RAPA": "sirolimus", "E2": "estradiol", "IFN-alpha": "interferon alfa",
    "SMX": "sulfamethoxazole", "TMP": "trimethoprim", "HCQ": "hydroxychloroquine", "CQ": "chloroquine", "SSZ": "sulfasalazine",
    "LEF": "leflunomide", "GEM": "gemcitabine", "DOX": "doxorubicin", "EPI": "epirubicin", "VCR": "vincristine",
    "CTX": "cyclophosphamide", "BU": "busulfan", "TAC": "tacrolimus", "EVE": "everolimus", "IMA": "imatinib",
    "ICI": "immune checkpoint inhibitors", "VKA": "vitamin k antagonists", "VKAs": "vitamin k antagonists",
    "NOAC": "direct oral anticoagulants", "DOACs": "direct oral anticoagulants", "SSRIs": "selective serotonin reuptake inhibitors",
    "PPIs": "proton pump inhibitors", "NSAIDs": "nonsteroidal anti-inflammatory drugs", "CPZ": "chlorpromazine",
    "HU": "hydroxyurea", "ATO": "arsenic trioxide", "SAHA": "vorinostat", "BZ": "benznidazole", "NAC": "acetylcysteine",
    "5FU": "fluorouracil", "SJW": "st. john's wort", "EGCG": "epigallocatechin gallate", "I3C": "indole-3-carbinol",
    "TCDD": "tcdd", "NNK": "nnk", "RTV": "ritonavir", "GCV": "ganciclovir", "DSF": "disulfiram", "TTX": "tetrodotoxin",
    "DFMO": "eflornithine", "BH4": "sapropterin", "LSZ": "lansoprazole", "CTx": "chemotherapy", "17-AAG": "tanespimycin",
    "MPAG": "mycophenolic acid glucuronide", "SN-38G": "sn-38 glucuronide", "AQ": "amodiaquine", "CQ": "chloroquine",
    "PQ": "primaquine", "DHA-PQP": "dihydroartemisinin",
    "OME": "omeprazole", "PPI": "proton pump inhibitors", "CLP": "clopidogrel", "TCZ": "tocilizumab", "IFX": "infliximab",
    "ETN": "etanercept", "RTX": "rituximab", "BEV": "bevacizumab", "MPH": "methylphenidate",
}

# Protein names people write for pharmacogenes that the gene databases spell differently (facts).
PROTEIN_NAMES = {
    # (NCBI names SLC22A21 "organic cation transporter 3"; in PGx writing OCT3 is SLC22A3)
    "organic cation transporter 1": "SLC22A1", "organic cation transporter 3": "SLC22A3",
    "protein C": "PROC", "protein S": "PROS1",   # the anticoagulant proteins (DrugBank's concentrates are rarely meant)
    "serotonin transporter": "SLC6A4", "dopamine transporter": "SLC6A3", "norepinephrine transporter": "SLC6A2",
    "thymidylate synthase": "TYMS", "pregnane X receptor": "NR1I2", "constitutive androstane receptor": "NR1I3",
    "P-glycoprotein": "ABCB1", "multidrug resistance protein 1": "ABCB1", "multidrug resistance 1": "ABCB1",
    "breast cancer resistance protein": "ABCG2", "vitamin K epoxide reductase": "VKORC1",
    "dihydropyrimidine dehydrogenase": "DPYD", "thiopurine methyltransferase": "TPMT", "thiopurine S-methyltransferase": "TPMT",
    "methylenetetrahydrofolate reductase": "MTHFR", "catechol-O-methyltransferase": "COMT", "N-acetyltransferase 2": "NAT2",
    "angiotensin-converting enzyme": "ACE", "angiotensin converting enzyme": "ACE", "beta2-adrenergic receptor": "ADRB2",
    "beta-2 adrenergic receptor": "ADRB2", "beta1-adrenergic receptor": "ADRB1", "estrogen receptor": "ESR1",
    "estrogen receptor alpha": "ESR1", "androgen receptor": "AR", "glucocorticoid receptor": "NR3C1",
    "tumor necrosis factor alpha": "TNF", "tumor necrosis factor": "TNF", "hepatic lipase": "LIPC",
    "inosine triphosphate pyrophosphatase": "ITPA", "inosine triphosphatase": "ITPA", "alcohol dehydrogenase": "ADH1B",
    "aldehyde dehydrogenase 2": "ALDH2", "uridine diphosphate glucuronosyltransferase 1A1": "UGT1A1",
    "organic cation transporter 1": "SLC22A1", "organic anion transporting polypeptide 1B1": "SLCO1B1",
    "mu-opioid receptor": "OPRM1", "mu opioid receptor": "OPRM1", "dopamine D2 receptor": "DRD2", "dopamine receptor D2": "DRD2",
    "serotonin 2A receptor": "HTR2A", "glucose-6-phosphate dehydrogenase": "G6PD", "butyrylcholinesterase": "BCHE",
    "ryanodine receptor 1": "RYR1", "interleukin-28B": "IFNL3", "interferon lambda 3": "IFNL3", "nudix hydrolase 15": "NUDT15",
    "cytochrome P450 2D6": "CYP2D6", "cytochrome P450 2C19": "CYP2C19", "cytochrome P450 2C9": "CYP2C9",
    "cytochrome P450 3A4": "CYP3A4", "cytochrome P450 3A5": "CYP3A5", "cytochrome P450 2B6": "CYP2B6",
    "cytochrome P450 1A2": "CYP1A2", "cytochrome P450 2A6": "CYP2A6", "epidermal growth factor receptor": "EGFR",
    "vascular endothelial growth factor": "VEGFA", "mammalian target of rapamycin": "MTOR",
}

# Names pharmacology abstracts use for proteins whose gene databases spell them otherwise (facts: common
# protein name → HGNC symbol, compiled for pgx from standard usage; each name names one gene). Unlike
# PROTEIN_NAMES these do not make a gene a pharmacogene: the flag comes from the gene's own entry.
PHARMACOLOGY_PROTEINS = {
    "cystic fibrosis transmembrane conductance regulator": "CFTR",
    "aromatase": "CYP19A1", "xanthine oxidase": "XDH", "xanthine dehydrogenase": "XDH",
    # the ErbB receptors by their oncogene names ("c-erbB-2" is HER2, not EGFR through "erbB")
    "c-erbB-2": "ERBB2", "c-erbB2": "ERBB2", "erbB-2": "ERBB2", "erbB2": "ERBB2", "c-erbB-3": "ERBB3", "erbB-3": "ERBB3",
    "erbB3": "ERBB3", "c-erbB-4": "ERBB4", "erbB-4": "ERBB4", "erbB4": "ERBB4", "c-erbB-1": "EGFR", "erbB-1": "EGFR",
    "aldehyde oxidase": "AOX1",  # the one human aldehyde oxidase (AOX2-4 are pseudogenes in humans)
    # the alpha7 nicotinic receptor ("α7nAChR"; "nAChR" alone is the receptor family, not NCBI's CHRNA4)
    "alpha7 nAChR": "CHRNA7", "alpha7nAChR": "CHRNA7", "alpha7 nicotinic acetylcholine receptor": "CHRNA7",
    "soluble epoxide hydrolase": "EPHX2",  # (DrugBank lists the protein as a drug)
    "reduced folate carrier 1": "SLC19A1",  # (written so with RFC1, replication factor C's symbol, after it)
    "apoA-1": "APOA1",
    "interleukin 8": "CXCL8", "interleukin-8": "CXCL8",  # (DrugBank lists the chemokine as a drug; DRUG_STOP)
    # POR by the short forms abstracts use ("the P450 oxidoreductase *28 SNP"; NCBI: cytochrome p450 oxidoreductase)
    "P450 oxidoreductase": "POR", "cytochrome P450 reductase": "POR", "NADPH-cytochrome P450 reductase": "POR",
    # the skeletal-muscle L-type calcium channel of malignant hyperthermia (CPIC: RYR1, CACNA1S) by its
    # pharmacological name; NCBI's DHPR alias is dihydropteridine reductase (QDPR)
    "dihydropyridine receptor": "CACNA1S",
    # names abstracts use that NCBI words otherwise (facts: protein name -> symbol)
    "excision repair cross-complementing group 1": "ERCC1", "excision repair cross-complementation group 1": "ERCC1",
    "excision repair cross-complementing group 2": "ERCC2", "excision repair cross-complementation group 2": "ERCC2",
    "insulin-like growth factor 1": "IGF1", "insulin-like growth factor-1": "IGF1", "insulin-like growth factor I": "IGF1",
    "integrin beta 3": "ITGB3", "G protein beta 3 subunit": "GNB3", "factor XIII": "F13A1",
    "hepatocyte nuclear factor 1 alpha": "HNF1A", "hepatocyte nuclear factor 1-alpha": "HNF1A",
    "aldosterone synthase": "CYP11B2", "folylpolyglutamate synthetase": "FPGS",
    "Rev-erb-alpha": "NR1D1", "Rev-erb alpha": "NR1D1", "Rev-erbalpha": "NR1D1",
    "human leukocyte antigen A": "HLA-A", "human leukocyte antigen B": "HLA-B", "human leukocyte antigen C": "HLA-C",
    "human leukocyte antigen DRB1": "HLA-DRB1", "human leukocyte antigen DQB1": "HLA-DQB1", "human leukocyte antigen DQA1": "HLA-DQA1",
    # HER2's full name, which starts with DrugBank's "human epidermal growth factor" (nepidermin)
    "human epidermal growth factor receptor 2": "ERBB2", "human epidermal growth factor receptor 1": "EGFR",
    "human epidermal growth factor receptor 3": "ERBB3", "human epidermal growth factor receptor 4": "ERBB4",
    "human epidermal growth factor receptor": "EGFR",
    "tissue factor": "F3",  # (NCBI's name is "coagulation factor III, tissue factor"; its alias TF is transferrin's symbol)
    "endothelial nitric oxide synthase": "NOS3", "endothelial NO synthase": "NOS3", "eNOS": "NOS3",
    "inducible nitric oxide synthase": "NOS2", "iNOS": "NOS2", "neuronal nitric oxide synthase": "NOS1",
    "tryptophan hydroxylase": "TPH1", "tryptophan hydroxylase 1": "TPH1", "tryptophan hydroxylase 2": "TPH2",
    "tyrosine hydroxylase": "TH", "ICAM-1": "ICAM1", "intercellular adhesion molecule 1": "ICAM1",
    "VCAM-1": "VCAM1", "vascular cell adhesion molecule 1": "VCAM1", "GSK-3beta": "GSK3B", "GSK-3 beta": "GSK3B",
    "glycogen synthase kinase 3 beta": "GSK3B", "glycogen synthase kinase-3beta": "GSK3B", "LDL receptor": "LDLR",
    "low-density lipoprotein receptor": "LDLR", "organic cation transporter 2": "SLC22A2", "cyclooxygenase-2": "PTGS2",
    "cyclooxygenase 2": "PTGS2", "COX-2": "PTGS2", "cyclooxygenase-1": "PTGS1", "COX-1": "PTGS1", "adiponectin": "ADIPOQ",
    "microsomal epoxide hydrolase": "EPHX1", "TNF-alpha": "TNF", "TNFalpha": "TNF", "IL-1beta": "IL1B", "IL-1b": "IL1B",
    "interleukin-1beta": "IL1B", "interleukin-1 beta": "IL1B", "interleukin-6": "IL6", "IL-6": "IL6", "interleukin-10": "IL10",
    "IL-10": "IL10", "interleukin-3": "IL3", "dopamine D4 receptor": "DRD4", "D4 receptor": "DRD4", "dopamine D3 receptor": "DRD3",
    "D2 receptor": "DRD2", "dopamine D1 receptor": "DRD1", "serotonin 1B receptor": "HTR1B", "5-HT1B receptor": "HTR1B",
    "5-HT2A receptor": "HTR2A", "5-HT2C receptor": "HTR2C", "5-HT3A receptor": "HTR3A", "HMG-CoA reductase": "HMGCR",
    "3-hydroxy-3-methylglutaryl-coenzyme A reductase": "HMGCR", "HMG CoA reductase": "HMGCR", "estrogen receptor beta": "ESR2",
    "ER-alpha": "ESR1", "ERalpha": "ESR1", "ERbeta": "ESR2", "TNF-beta": "LTA", "TNFbeta": "LTA",
    "C/EBPalpha": "CEBPA", "C/EBP-alpha": "CEBPA", "C/EBPbeta": "CEBPB", "C/EBP-beta": "CEBPB",
    "farnesoid X receptor": "NR1H4", "prostaglandin F2alpha receptor": "PTGFR", "prostaglandin F(2alpha) receptor": "PTGFR",
    "FP receptor": "PTGFR", "p70 S6 kinase": "RPS6KB1", "p70S6 kinase": "RPS6KB1",
    # "methyl transferase" written apart (else "catechol" alone is read as a drug); "micro-" for the mu of
    # the opioid receptor, as older PubMed records carry the Greek letter
    "catechol-O-methyl transferase": "COMT", "catechol O-methyl transferase": "COMT",
    "micro-opioid receptor": "OPRM1", "micro opioid receptor": "OPRM1",
    "IkappaBalpha": "NFKBIA", "IkappaB-alpha": "NFKBIA", "IkBalpha": "NFKBIA", "IkappaBbeta": "NFKBIB", "IkBbeta": "NFKBIB",
    "GSK3beta": "GSK3B", "GSK3alpha": "GSK3A", "TGFbeta1": "TGFB1", "estrogen receptor-alpha": "ESR1", "mineralocorticoid receptor": "NR3C2",
    "progesterone receptor": "PGR", "angiotensin II type 1 receptor": "AGTR1", "AT1 receptor": "AGTR1",
    "cholesterol 7alpha-hydroxylase": "CYP7A1", "DT-diaphorase": "NQO1", "NAD(P)H:quinone oxidoreductase 1": "NQO1",
    "hypoxanthine phosphoribosyltransferase": "HPRT1", "hypoxanthine-guanine phosphoribosyltransferase": "HPRT1",
    "plasminogen activator inhibitor-1": "SERPINE1", "PAI-1": "SERPINE1", "stromelysin-1": "MMP3", "beta-fibrinogen": "FGB",
    "coagulation factor XIII": "F13A1", "factor V": "F5", "prothrombin": "F2", "apolipoprotein E": "APOE", "apoE": "APOE",
    "leptin receptor": "LEPR", "insulin receptor": "INSR", "vitamin D receptor": "VDR", "glutathione S-transferase P1": "GSTP1",
    "glutathione S-transferase M1": "GSTM1", "glutathione S-transferase T1": "GSTT1", "sulfotransferase 1A1": "SULT1A1",
    "carboxylesterase 1": "CES1", "paraoxonase 1": "PON1", "hERG": "KCNH2", "Kv1.5": "KCNA5", "Nav1.5": "SCN5A",
    "cardiac sodium channel": "SCN5A", "multidrug resistance-associated protein 2": "ABCC2", "multidrug resistance-associated protein 1": "ABCC1",
    "excision repair cross-complementing 1": "ERCC1", "X-ray repair cross-complementing 1": "XRCC1",
    "O6-methylguanine-DNA methyltransferase": "MGMT", "ribonucleotide reductase M1": "RRM1", "cytidine deaminase": "CDA",
    "deoxycytidine kinase": "DCK", "folylpolyglutamate synthase": "FPGS", "gamma-glutamyl hydrolase": "GGH",
    "reduced folate carrier": "SLC19A1", "dihydrofolate reductase": "DHFR", "bradykinin B2 receptor": "BDKRB2",
    "beta3-adrenergic receptor": "ADRB3", "beta2-adrenoceptor": "ADRB2", "beta-2 adrenoceptor": "ADRB2",
    "beta2-AR": "ADRB2", "beta2AR": "ADRB2", "beta-2-AR": "ADRB2", "beta1-adrenoceptor": "ADRB1", "beta-1 adrenoceptor": "ADRB1",
    "beta1-AR": "ADRB1", "beta1AR": "ADRB1", "beta3-adrenoceptor": "ADRB3", "beta3-AR": "ADRB3",
    "anaplastic lymphoma kinase": "ALK", "beta2-microglobulin": "B2M", "beta-2 microglobulin": "B2M", "alpha2A-adrenergic receptor": "ADRA2A", "histamine N-methyltransferase": "HNMT",
    "monoamine oxidase A": "MAOA", "monoamine oxidase B": "MAOB", "brain-derived neurotrophic factor": "BDNF",
    "adenosine A2A receptor": "ADORA2A", "cannabinoid receptor 1": "CNR1", "kappa opioid receptor": "OPRK1",
    "delta opioid receptor": "OPRD1", "serotonin transporter gene": "SLC6A4", "HER2": "ERBB2", "HER3": "ERBB3",
    "c-KIT": "KIT", "BCR-ABL": "ABL1", "Bcr-Abl": "ABL1", "thymidine phosphorylase": "TYMP", "orotate phosphoribosyltransferase": "UMPS",
    "uridine diphosphate glucuronosyltransferase": "UGT1A1", "arylamine N-acetyltransferase 2": "NAT2",
    "arylamine N-acetyltransferase 1": "NAT1", "N-acetyltransferase 1": "NAT1", "flavin-containing monooxygenase 3": "FMO3",
    "cholinesterase": "BCHE", "pseudocholinesterase": "BCHE", "alpha-globin": "HBA1", "beta-globin": "HBB",
    "gamma-aminobutyric acid type A receptor alpha2": "GABRA2", "GABA(A) alpha2 subunit": "GABRA2",
    "nicotinic acetylcholine receptor alpha5": "CHRNA5", "alpha4beta2 nicotinic receptor": "CHRNA4",
    # cell-biology and signalling proteins that pharmacogenomic abstracts name by their protein name
    "E-cadherin": "CDH1", "N-cadherin": "CDH2", "VE-cadherin": "CDH5", "beta-catenin": "CTNNB1", "survivin": "BIRC5",
    "hepcidin": "HAMP", "MAO-A": "MAOA", "MAO-B": "MAOB", "LXRalpha": "NR1H3", "LXR-alpha": "NR1H3", "LXRbeta": "NR1H2",
    "proglucagon": "GCG", "GLP-1 receptor": "GLP1R", "TGF-beta1": "TGFB1", "TGF-beta 1": "TGFB1",
    "transforming growth factor-beta1": "TGFB1", "PDGF-R": "PDGFRB", "HIF-1alpha": "HIF1A",
    "hypoxia-inducible factor-1alpha": "HIF1A", "hypoxia-inducible factor 1 alpha": "HIF1A", "IGF-1R": "IGF1R",
    "IGF-IR": "IGF1R", "osteopontin": "SPP1", "fibronectin": "FN1", "programmed death-ligand 1": "CD274",
    "programmed cell death protein 1": "PDCD1", "haem oxygenase-1": "HMOX1", "heme oxygenase-1": "HMOX1",
    "topoisomerase I": "TOP1", "topoisomerase II alpha": "TOP2A", "topoisomerase IIalpha": "TOP2A",
    "class III beta-tubulin": "TUBB3", "beta-tubulin III": "TUBB3", "P2Y12 receptor": "P2RY12", "glycoprotein IIIa": "ITGB3",
    "glycoprotein IIb": "ITGA2B", "tissue plasminogen activator": "PLAT", "manganese superoxide dismutase": "SOD2",
    "Bcl-xL": "BCL2L1", "cyclin E": "CCNE1", "PPAR-gamma": "PPARG", "PPARgamma": "PPARG", "SREBP-1c": "SREBF1",
    "apolipoprotein A-I": "APOA1", "apoA-I": "APOA1", "p38 MAPK": "MAPK14", "HER2/neu": "ERBB2", "VEGF receptor 2": "KDR",
    "VEGF-A": "VEGFA", "IFN-gamma": "IFNG", "interleukin-8": "CXCL8", "IL-8": "CXCL8", "interleukin-12": "IL12A",
    "prostate-specific antigen": "KLK3", "prostate specific antigen": "KLK3", "hENT1": "SLC29A1",
    "equilibrative nucleoside transporter 1": "SLC29A1", "Rhes": "RASD2", "glial cell line-derived neurotrophic factor": "GDNF",
    "multidrug resistance gene 1": "ABCB1", "multidrug resistance gene-1": "ABCB1", "thiopurine S-methyl transferase": "TPMT",
    "xeroderma pigmentosum group A": "XPA", "xeroderma pigmentosum group D": "ERCC2", "lysine-specific demethylase 1": "KDM1A",
    "matrix Gla protein": "MGP", "protein Z": "PROZ", "preprodynorphin": "PDYN", "hemochromatosis protein": "HFE",
    "cellular retinol-binding protein": "RBP1", "lambda-3 interferon": "IFNL3", "alpha CaMKII": "CAMK2A",
}


# Brand names of widely studied pharmacogenomic drugs (facts compiled for pgx; the open DrugBank
# vocabulary carries no brand names).
BRANDS = {
    "Plavix": "clopidogrel", "Coumadin": "warfarin", "Jantoven": "warfarin", "Zyloprim": "allopurinol",
    "Tegretol": "carbamazepine", "Ziagen": "abacavir", "Kalydeco": "ivacaftor", "Imuran": "azathioprine",
    "Purinethol": "mercaptopurine", "Purixan": "mercaptopurine", "Xeloda": "capecitabine", "Camptosar": "irinotecan",
    "Sustiva": "efavirenz", "Stocrin": "efavirenz", "Prograf": "tacrolimus", "Advagraf": "tacrolimus", "Zocor": "simvastatin",
    "Lipitor": "atorvastatin", "Crestor": "rosuvastatin", "Pravachol": "pravastatin", "Celebrex": "celecoxib",
    "Prozac": "fluoxetine", "Zoloft": "sertraline", "Celexa": "citalopram", "Lexapro": "escitalopram", "Paxil": "paroxetine",
    "Elavil": "amitriptyline", "Risperdal": "risperidone", "Haldol": "haloperidol", "Nolvadex": "tamoxifen",
    "Herceptin": "trastuzumab", "Gleevec": "imatinib", "Glivec": "imatinib", "Iressa": "gefitinib", "Tarceva": "erlotinib",
    "Zelboraf": "vemurafenib", "Dilantin": "phenytoin", "Lamictal": "lamotrigine", "Ultram": "tramadol",
    "Strattera": "atomoxetine", "Nexium": "esomeprazole", "Prilosec": "omeprazole", "Losec": "omeprazole",
    "Effient": "prasugrel", "Brilinta": "ticagrelor", "Zofran": "ondansetron", "Inderal": "propranolol",
    "Lopressor": "metoprolol", "Toprol": "metoprolol", "Aricept": "donepezil", "Abilify": "aripiprazole",
    "Zyprexa": "olanzapine", "Clozaril": "clozapine", "Seroquel": "quetiapine", "Depakote": "valproic acid",
    "Trileptal": "oxcarbazepine", "Keppra": "levetiracetam", "Neurontin": "gabapentin", "Lyrica": "pregabalin",
    "Eliquis": "apixaban", "Xarelto": "rivaroxaban", "Pradaxa": "dabigatran", "Glucophage": "metformin",
    "Amaryl": "glimepiride", "Avandia": "rosiglitazone", "Actos": "pioglitazone", "Taxol": "paclitaxel",
    "Taxotere": "docetaxel", "Platinol": "cisplatin", "Paraplatin": "carboplatin", "Eloxatin": "oxaliplatin",
    "Adriamycin": "doxorubicin", "Cytoxan": "cyclophosphamide", "Trexall": "methotrexate", "Arava": "leflunomide",
    "Zytiga": "abiraterone", "Tykerb": "lapatinib", "Erbitux": "cetuximab", "Vectibix": "panitumumab",
    "Avastin": "bevacizumab", "Tasigna": "nilotinib", "Sprycel": "dasatinib", "Xalkori": "crizotinib",
    "Tagrisso": "osimertinib", "Lynparza": "olaparib", "Pegasys": "peginterferon alfa-2a", "PegIntron": "peginterferon alfa-2b",
    "Rebetol": "ribavirin", "Copegus": "ribavirin", "Sandimmune": "cyclosporine", "Neoral": "cyclosporine",
    "CellCept": "mycophenolate mofetil", "Rapamune": "sirolimus", "Vfend": "voriconazole", "Diflucan": "fluconazole",
    "Oxycontin": "oxycodone", "Tylenol": "acetaminophen", "Ritalin": "methylphenidate", "Adderall": "amphetamine",
    "Wellbutrin": "bupropion", "Cymbalta": "duloxetine", "Effexor": "venlafaxine", "Remeron": "mirtazapine",
    "Anafranil": "clomipramine", "Tofranil": "imipramine", "Pamelor": "nortriptyline", "Norpramin": "desipramine",
    "Zoladex": "goserelin", "Arimidex": "anastrozole", "Femara": "letrozole", "Aromasin": "exemestane",
    "Rituxan": "rituximab", "Remicade": "infliximab", "Humira": "adalimumab", "Enbrel": "etanercept",
    "Xenical": "orlistat", "Mysoline": "primidone", "Primaquine": "primaquine",
    "Rasburicase": "rasburicase", "Elitek": "rasburicase", "Fasturtec": "rasburicase", "Krystexxa": "pegloticase",
    "Reyataz": "atazanavir", "Isentress": "raltegravir", "Viread": "tenofovir",
    "Daraprim": "pyrimethamine", "Dapsone": "dapsone",
}

# Other spellings of generic names that abstracts use and the open DrugBank vocabulary lacks (facts:
# names): older or national forms, and interferons written with "alpha" and a number, which would
# otherwise match only as the unspecified "peginterferon alpha" (both alfa-2a and alfa-2b).
SPELLINGS = {
    "cisplatinum": "cisplatin", "cis-platinum": "cisplatin", "cis-platin": "cisplatin",
    "divalproex": "valproic acid", "divalproex sodium": "valproic acid", "sodium valproate": "valproic acid",
    "oestradiol": "estradiol", "isoniazide": "isoniazid", "azathioprin": "azathioprine",
    "FK-506": "tacrolimus", "FK 506": "tacrolimus",
    "25-hydroxy vitamin D3": "calcifediol", "25-hydroxy-vitamin D3": "calcifediol", "25(OH)D3": "calcifediol",
    **{f"{pre} {a}-2{v}": f"peginterferon alfa-2{v}"
       for pre in ("peginterferon", "pegylated interferon", "peg-interferon", "PEG-IFN", "pegIFN")
       for a in ("alfa", "alpha") for v in ("a", "b")},
    **{f"interferon alpha-2{v}": f"interferon alfa-2{v}" for v in ("a", "b")},
}

# esters and other salts a generic name may carry (with SALTS: the first word alone names the drug too)
ESTERS = ("dipropionate", "propionate", "valerate", "butyrate", "palmitate", "undecanoate", "mepesuccinate", "mebutate",
          "pivalate", "enanthate", "cypionate", "decanoate", "benzoate", "hyclate", "tosylate", "bromide", "iodide", "pamoate",
          "dimesylate", "furoate", "hemifumarate", "bitartrate", "hydrate", "monohydrate")
SALTS = ("hydrochloride", "bisulfate", "sulfate", "sodium", "potassium", "calcium", "mesylate", "maleate", "citrate",
         "succinate", "tartrate", "besylate", "fumarate", "acetate", "phosphate", "hydrobromide", "dihydrochloride")


_ncbi_genes = None


def ncbi_genes():
    """The rows of the NCBI human gene table (read once: genes are built from it, and drug abbreviations
    that are a protein-coding gene's symbol or alias are checked against it)."""
    global _ncbi_genes
    if _ncbi_genes is None:
        with open(os.path.join(LEX, "ncbi_gene_orgHs_eg_db", "human_genes_symbols_aliases.tsv")) as f:
            _ncbi_genes = list(csv.DictReader(f, delimiter="\t"))
    return _ncbi_genes


_lower_words = None


def lower_words():
    """How often each word occurs in small letters in the PubMed XML of ../shared/data/pubmed (titles,
    abstracts, everything; not inside hyphenated names like "bcr-abl"): a word people write in small letters
    is a word, not a gene alias."""
    global _lower_words
    if _lower_words is None:
        import glob, gzip
        counts = defaultdict(int)
        files = sorted(glob.glob(os.path.join(SHARED, "data", "pubmed", "**", "*.xml*"), recursive=True))
        for fn in files:
            opener = gzip.open if fn.endswith(".gz") else open
            with opener(fn, "rt", encoding="utf-8", errors="replace") as f:
                for w in re.findall(r"(?<![A-Za-z0-9<>/-])[a-z]{3,}(?![A-Za-z0-9>-])", f.read()):
                    counts[w] += 1
        if not files:
            sys.exit("no PubMed XML under ../shared/data/pubmed: the word counts that keep English words from being gene aliases need it")
        _lower_words = counts
    return _lower_words


def header(f, what, sources, license_):
    f.write(f"# pgx lexicon: {what}\n# built by scripts/build-lexicons.py from ../shared/data/lexicon\n")
    f.write(f"# sources: {sources}\n# license: {license_}\n# snapshot: {SNAPSHOT}\n")


def build_genes():
    core = {}
    with open(os.path.join(LEX, "pgx_genes_core.tsv")) as f:
        for r in csv.DictReader(f, delimiter="\t"):
            core[r["symbol"]] = r
    hgnc = {s: r["hgnc_id"] for s, r in core.items() if r["hgnc_id"]}
    with open(os.path.join(LEX, "cpic", "v2_initial_gene.tsv")) as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["hgncid"]:
                hgnc.setdefault(r["symbol"], r["hgncid"])
    genes = []  # (symbol, entrez, name, aliases, pgx)
    official = set()
    for r in ncbi_genes():
        sym = r["symbol"]
        pgx = sym in core
        if r["gene_type"] != "protein-coding" and not pgx:
            continue
        aliases = [a for a in r["aliases"].split("|") if a]
        if pgx:
            aliases += [a for a in core[sym]["aliases"].split("|") if a]
        genes.append((sym, r["entrez_id"], r["name"], sorted(set(aliases)), pgx))
        official.add(sym)
    for sym, r in core.items():  # pharmacogenes NCBI lacks under that symbol (e.g. renamed ones)
        if sym not in official:
            genes.append((sym, r["entrez_id"], r["name"], sorted(set(a for a in r["aliases"].split("|") if a)), True))
            official.add(sym)

    # Aliases shared by several genes that PGx writing uses for one of them.
    ALIAS_OWNER = {"NRF2": "NFE2L2", "Nrf2": "NFE2L2", "PXR": "NR1I2", "CAR": "NR1I3", "DAT": "SLC6A3", "SERT": "SLC6A4",
                   "MDR1": "ABCB1", "BCRP": "ABCG2", "OCT1": "SLC22A1", "OATP1B1": "SLCO1B1", "P-gp": "ABCB1", "MEK": "MAP2K1",
                   "ERK": "MAPK1", "TS": "TYMS", "ER": "ESR1", "AR": "AR", "iNOS": "NOS2", "eNOS": "NOS3", "COX-2": "PTGS2",
                   "OCT2": "SLC22A2", "OCT3": "SLC22A3", "PSA": "KLK3",
                   # multidrug resistance protein 1, the 5-HT3 receptor, alpha-1-acid glycoprotein
                   "MRP1": "ABCC1", "HTR3": "HTR3A", "AGP": "ORM1",
                   "DRP1": "DNM1L"}  # dynamin-related protein 1 (CRMP1's DRP-1 is rarer)
    alias_owners = defaultdict(set)
    for sym, _, _, aliases, pgx in genes:
        for a in aliases:
            alias_owners[a].add(sym)
    pgx_syms = {g[0] for g in genes if g[4]}
    gene_entrez = {g[0]: int(g[1]) if g[1].isdigit() else 10**9 for g in genes}

    rows = {}
    def add(key, match, kind, sym, entrez, pgx):
        k = (key, match)
        # a symbol beats an alias beats a name; a pharmacogene beats another gene
        rank = {"symbol": 0, "family": 1, "alias": 2, "name": 3}[kind]
        old = rows.get(k)
        if old is None or (rank, not pgx) < (old[0], not old[5]):
            rows[k] = (rank, kind, sym, hgnc.get(sym, ""), entrez, pgx)

    for sym, entrez, name, aliases, pgx in genes:
        if sym.upper() not in GENE_STOP and len(sym) >= 2:
            add(sym, "cs", "symbol", sym, entrez, pgx)
            if len(sym) >= 3 and sym.capitalize() not in AMINO3 and sym not in SYMBOLS_AS_WRITTEN:
                # any case ("Nrf2", "Src", "c-Fos"); the recognizer still refuses plain lower-case words.
                # Not a symbol that is an amino acid's three letters: "Met" in "Val/Met", "Met carriers" is methionine.
                add(sym.lower(), "ci", "symbol", sym, entrez, pgx)
            elif len(sym) >= 4 and sym.isalpha() and sym.isupper():
                add(sym[0] + sym[1:].lower(), "cs", "symbol", sym, entrez, pgx)  # mouse/rat style "Egfr"
        for a in aliases:
            if a in official or a.upper() in GENE_STOP or a.upper() in ALIAS_STOP or a in ALIAS_STOP_AS_WRITTEN or a in AMINO3:
                continue
            owners = alias_owners[a]
            if a in ALIAS_OWNER or a.upper() in ALIAS_OWNER:
                if sym != ALIAS_OWNER.get(a, ALIAS_OWNER.get(a.upper())):
                    continue
            elif len(owners) > 1:
                if owners & pgx_syms:
                    if not pgx:
                        continue  # leave it to the pharmacogene
                elif len(a) < 4 or sym != min(owners, key=lambda o: gene_entrez[o]):
                    continue  # ambiguous between other genes: only longer aliases, for the oldest gene id
            if re.fullmatch(r"[\d\W_]+", a) or len(a) < 3:
                continue
            # the shape of a CYP or UGT subfamily member written apart ("CYP 2D6", "UGT 1A1"): "1A1" alone is
            # not SLC45A2; and a Greek letter with a digit ("beta2", as "β2" folds) is a receptor subunit
            # (β2-adrenergic, β2-microglobulin) far more often than NEUROD1's old name; so is one written
            # with a hyphen ("calcium channel gamma-2 subunit" is CACNG2, not WARS1's GAMMA-2; "mu-1" is no GSTM1)
            if re.fullmatch(r"\d[A-Za-z]\d{1,2}", a) or (not pgx and re.fullmatch(r"(?i)(alpha|beta|gamma|delta|kappa)\d", a)) \
                    or re.fullmatch(r"(?i)(alpha|beta|gamma|delta|epsilon|zeta|theta|kappa|lambda|mu|sigma|omega)[- ]\d+[A-Za-z]?", a):
                continue
            if not pgx and len(a) < 3:
                continue
            if ENGLISH_LIKE.match(a) and not pgx:
                continue
            # nucleotides only ("CCTG", "TGC", "CAA", "C-C"): a codon, a repeat or a genotype in PGx writing
            if not pgx and re.fullmatch(r"[ACGT]{2,6}(-[ACGT]{1,6})?", a, re.I):
                continue
            add(a, "cs", "alias", sym, entrez, pgx)
            # not in small letters where it is a month ("April") or a unit to the power -1 ("ng ml-1", "min-1")
            if a.lower() in MONTHS or re.fullmatch(r"(?i)(ml|dl|l|mg|kg|g|ng|ug|mmol|nmol|pmol|umol|h|hr|min|s|m2)-?1", a):
                continue
            # any case ("Nrf2", "Akt", "c-Myc"), except an alias of capitals only that is an English word
            # written in small letters in PubMed text: "CELL" is not "Cell", "PINS" not "Pins"
            if len(a) >= 3 and a.capitalize() not in AMINO3 and a.upper() not in ALIAS_STOP_AS_WRITTEN and a not in ALIASES_AS_WRITTEN \
                    and not (a.isalpha() and a.isupper() and not pgx and lower_words().get(a.lower(), 0) >= 3):
                add(a.lower(), "ci", "alias", sym, entrez, pgx)
        if name and (" " in name or len(name) >= 8) and not name.lower().startswith(("uncharacterized", "putative")):
            add(name.lower(), "ci", "name", sym, entrez, pgx)
    # Serotonin receptors with their subscript written inline or without the hyphen: "5-HT(2A)", "5-HT(1)A",
    # "5HT2A" are 5-HT2A (HTR2A)
    for (key, match), (rank, kind, sym, h, entrez, pgx) in list(rows.items()):
        m = re.fullmatch(r"5-HT(\d)([A-Z])", key) if match == "cs" and kind == "alias" else None
        if m:
            for form in (f"5-HT({m.group(1)}{m.group(2)})", f"5-HT({m.group(1)}){m.group(2)}", f"5HT{m.group(1)}{m.group(2)}"):
                if (form, "cs") not in rows:
                    rows[(form, "cs")] = (rank, "alias", sym, h, entrez, pgx)
    # "MDR-1", "ICAM-1", "IL-6", "COX-2": symbols and aliases of letters + a number are often written with a
    # hyphen; the hyphenated form names the same gene unless it is a key of its own already.
    for (key, match), (rank, kind, sym, h, entrez, pgx) in list(rows.items()):
        # (a symbol with a subtype letter too: "HTR-1A", "ADRA-2A", "DRD-2")
        m = (re.fullmatch(r"([A-Za-z]{2,})(\d{1,2})", key) if match == "cs" and kind in ("symbol", "alias") else None) \
            or (re.fullmatch(r"([A-Z]{3,})(\d{1,2}[A-Z])", key) if match == "cs" and kind == "symbol" else None)
        if m and m.group(1).upper() not in GENE_STOP:
            hy = f"{m.group(1)}-{m.group(2)}"
            if (hy, "cs") not in rows:
                rows[(hy, "cs")] = (rank + 1, "alias", sym, h, entrez, pgx)
    # A Greek letter in an alias is written glued as often as hyphenated: "PLCγ2", "PLC-γ2" and "PLCgamma2" are
    # NCBI's "PLC-gamma-2" (a Greek letter folds to its name), "PI3Kδ" its "PI3K-delta"
    for (key, match), (rank, kind, sym, h, entrez, pgx) in list(rows.items()):
        m = re.fullmatch(r"([A-Za-z][A-Za-z0-9]*[A-Za-z0-9])-(alpha|beta|gamma|delta|epsilon|kappa)(?:-(\d{1,2}[A-Za-z]?))?", key) \
            if match == "cs" and kind in ("symbol", "alias") else None
        if m:
            head, greek, num = m.group(1), m.group(2), m.group(3)
            forms = [head + greek + (num or "")] + ([f"{head}-{greek}{num}", f"{head}{greek}-{num}"] if num else [])
            for form in forms:
                if (form, "cs") not in rows:
                    rows[(form, "cs")] = (rank + 1, "alias", sym, h, entrez, pgx)
    for stop in SYMBOLS_ALONE_STOP:
        rows.pop((stop, "cs"), None); rows.pop((stop.lower(), "ci"), None)
    # Families and groups used in PGx writing.
    fams = set()
    for sym in pgx_syms:
        m = re.match(r"^(CYP\d+[A-Z])\d+$", sym) or re.match(r"^(UGT\d[A-Z])\d+$", sym) or re.match(r"^(SLC\d+[A-Z])\d+$", sym)
        if m:
            fams.add(m.group(1))
    # "beta1-adrenergic receptor" is also written "beta-1 adrenergic receptor", "β-1 adrenergic receptor"
    def greek_forms(name):
        m = re.fullmatch(r"(alpha|beta|gamma|delta|kappa)(\d+[a-z]?)([- ].*)", name, re.I)
        return [name] + ([f"{m.group(1)}-{m.group(2)}{m.group(3)}"] if m else [])
    for name, sym in PROTEIN_NAMES.items():
        ent = next((g for g in genes if g[0] == sym), None)
        for form in greek_forms(name):
            add(form.lower(), "ci", "name", sym, ent[1] if ent else "", True)
    by_sym = {g[0]: g for g in genes}
    for name, sym in PHARMACOLOGY_PROTEINS.items():
        ent = by_sym.get(sym)
        if ent is None:
            sys.exit(f"PHARMACOLOGY_PROTEINS names {sym}, which is not a gene symbol in the NCBI table")
        forms = [name] + ([name + "s"] if name.endswith(("receptor", "transporter", "reductase", "synthase", "oxidase")) else [])
        for form in [g for f in forms for g in greek_forms(f)]:
            add(form.lower(), "ci", "name", sym, ent[1], sym in pgx_syms)
    # HLA-C by its serological names: "HLA-Cw6" (psoriasis and ustekinumab), "HLA-Cw*0602" (the allele after it)
    ent = by_sym.get("HLA-C")
    for form in ["HLA-Cw"] + [f"HLA-Cw{n}" for n in range(1, 19)]:
        add(form, "cs", "alias", "HLA-C", ent[1], True)
    # ABC transporters by their systematic name as abstracts and MeSH write it: "ATP-binding cassette
    # sub-family B member 1", "ATP-Binding Cassette, Sub-Family B, Member 1", "ATP binding cassette
    # transporter G2" (NCBI's own names carry a suffix: "... member 2 (Junior blood group)")
    for sym, ent in by_sym.items():
        m = re.fullmatch(r"ABC([A-G])(\d{1,2})", sym)
        if not m:
            continue
        letter, num = m.groups()
        for form in (f"ATP-binding cassette sub-family {letter} member {num}", f"ATP-binding cassette subfamily {letter} member {num}",
                     f"ATP-binding cassette, sub-family {letter}, member {num}", f"ATP-binding cassette, subfamily {letter}, member {num}",
                     f"ATP-binding cassette, sub-family {letter} member {num}",
                     f"ATP binding cassette transporter, sub-family {letter}, member {num}",
                     f"ATP binding cassette transporter, subfamily {letter}, member {num}",
                     f"ATP-binding cassette transporter {letter}{num}", f"ATP-binding cassette {letter}{num}"):
            if (form.lower(), "ci") not in rows:
                add(form.lower(), "ci", "name", sym, ent[1], sym in pgx_syms)
    # CYP and UGT genes written apart or by their enzyme name: "CYP 2D6", "CYP-2D6", "P450 2D6", "cytochrome
    # P-450 2D6", "UGT 1A1", "UDP-glucuronosyltransferase 1A1" (spaces and hyphens between a letter and a
    # digit fold to one separator, so each key serves both)
    for sym, entrez, _name, _aliases, pgx in genes:
        m = re.fullmatch(r"CYP(\d+[A-Z]+\d+)", sym)
        if m:
            for form in ["CYP {}", "CYP450 {}"] + P450_NAMES:
                add(form.format(m.group(1)).lower(), "ci", "name", sym, entrez, pgx)
        m = re.fullmatch(r"UGT(\d[A-Z]\d+)", sym)
        if m:
            for form in ["UGT {}", "UDP-glucuronosyltransferase {}", "UDP-glucuronosyl transferase {}",
                         "UDP glucuronosyltransferase {}", "uridine diphosphate glucuronosyltransferase {}"]:
                add(form.format(m.group(1)).lower(), "ci", "name", sym, entrez, pgx)
    # receptor and channel subunits written as a Greek letter and a digit ("β2 (Y444W)", "α1 GlyR",
    # "beta3 (N265M) mice"): a protein, but no one gene (GABA-A, nicotinic, glycine receptors all have a
    # β2), so an entity that does not pair, like a family; NCBI's old names that look like them (BETA2 for
    # NEUROD1, alpha1 for ADRA1D) are dropped above
    for greek in ["alpha", "beta", "gamma", "delta", "kappa"]:
        for n in range(1, 10):
            add(f"{greek}{n}", "ci", "family", f"{greek}{n}", "", False)
    for f_ in sorted(fams) + ["CYP450", "CYP", "UGT", "GST", "SLCO", "P450", "BRCA", "MEK", "RAS", "Ras", "ERK", "JAK", "PI3K",
                              "LXR", "RXR", "RAR", "HLA-DR", "HLA-DQ", "MHC", "OATP", "PPAR", "RAF", "PKC", "PLC", "GPCR",
                              "SOD", "HDAC", "PP2A",  # superoxide dismutases (not SOD1 alone), histone deacetylases,
                                                      # protein phosphatase 2A (not PTPA, its activator)
                              "CTX-M",    # CTX-M: the beta-lactamases, not cyclophosphamide
                              "nAChR", "nAChRs"]:   # the nicotinic acetylcholine receptors
        add(f_, "cs", "family", f_, "", True)
        # a pharmacogene subfamily in any case ("murine Cyp3a"), not one member's old alias (NCBI lists
        # CYP3A for CYP3A4)
        if f_ in fams:
            add(f_.lower(), "ci", "family", f_, "", True)
        # a CYP subfamily written by its enzyme name: "P450 3A", "cytochrome P4503A", "cytochrome P-450 3A"
        m = re.fullmatch(r"CYP(\d+[A-Z])", f_)
        if m:
            for form in P450_NAMES:
                add(form.format(m.group(1)).lower(), "ci", "family", f_, "", True)
    for name in ["cytochrome P450", "cytochrome P-450", "glutathione S-transferase", "UDP-glucuronosyltransferase",
                 "N-acetyltransferase", "human leukocyte antigen", "ABC transporter", "P-glycoprotein"]:
        sym = "ABCB1" if name == "P-glycoprotein" else name
        add(name.lower(), "ci", "family" if sym == name else "alias", sym, "5243" if sym == "ABCB1" else "", True)

    # A symbol whose last letter is a Greek subunit of a family named by its stem is written with the letter
    # spelled or as the Greek letter: "PDGFRalpha", "PDGFR-α" (PDGFRA; "PDGFR" alone is PDGFRB's alias),
    # "HIF1alpha", "GSK3beta", "NFKBIalpha". Only stems that are a symbol or alias themselves,
    # and no form the lexicon has already in any case ("IFN-gamma" stays IFNG's name).
    # So is an alias of an isoform of the families whose isoforms are named by Greek letters: "PKCδ",
    # "PKC-delta" (PRKCD's "PKCD"), "PPARδ" (PPARD), "RARβ" (RARB).
    stems = {key for (key, match), (_r, kind, *_rest) in rows.items() if match == "cs" and kind in ("symbol", "alias")}
    greek_families = {"PKC", "PPAR", "RAR", "RXR", "LXR"}
    greek_letter = {"A": "alpha", "B": "beta", "G": "gamma", "D": "delta", "E": "epsilon"}
    for (key, match), (rank, kind, sym, h, entrez, pgx) in list(rows.items()):
        m = re.fullmatch(r"([A-Z][A-Z0-9]{2,}?)([ABGD])(\d{0,2})", key) if match == "cs" and kind == "symbol" else \
            re.fullmatch(r"([A-Z]{2,})([ABGDE])()", key) if match == "cs" and kind == "alias" and key[:-1] in greek_families else None
        if m and (m.group(1) in stems or m.group(1) in greek_families):
            stem, greek, num = m.group(1), greek_letter[m.group(2)], m.group(3)
            for form in (stem + greek + num, f"{stem}-{greek}{num}"):
                if (form, "cs") not in rows and (form.lower(), "ci") not in rows:
                    rows[(form, "cs")] = (rank + 1, "alias", sym, h, entrez, pgx)
    # A receptor numbered by its type is written with the type before the name as often as after it, and with
    # the number in Roman numerals: "type-1 cannabinoid receptor" and "CB1 receptor" are NCBI's "cannabinoid
    # receptor 1" (CNR1), "type 1 ryanodine receptor" its "ryanodine receptor 1", "angiotensin II type I
    # receptor" its "angiotensin II receptor type 1". No form the lexicon has already.
    roman = {"1": "i", "2": "ii", "3": "iii", "4": "iv"}
    for (key, match), (rank, kind, sym, h, entrez, pgx) in list(rows.items()):
        m = re.fullmatch(r"([a-z][a-z0-9 -]*?) receptor (?:type )?([1-4])", key) if match == "ci" and kind == "name" else None
        if not m or m.group(1).endswith((" type", " subtype")):
            continue
        x = m.group(1)
        for n in (m.group(2), roman[m.group(2)]):
            for form in (f"type {n} {x} receptor", f"type-{n} {x} receptor", f"{x} type {n} receptor", f"{x} receptor type {n}"):
                if (form, "ci") not in rows:
                    rows[(form, "ci")] = (rank, "name", sym, h, entrez, pgx)
    # A gene's official symbol that NCBI also lists as another gene's alias ("RFC1", replication factor C1, is
    # the reduced folate carrier SLC19A1's old symbol): kind "shared", symbol = the gene that lists it as an
    # alias. The recognizer reads the symbol as that gene where the document writes the two as one ("RFC1/SLC19A1",
    # "SLC19A1 (RFC1)").
    # No trie key: the symbol keeps its own gene everywhere else.
    shared = set()
    for sym, entrez, _name, aliases, pgx in genes:
        for a in aliases:
            if a in official and a != sym and (a, "cs") in rows and rows[(a, "cs")][1] == "symbol":
                shared.add((a, sym, entrez, pgx))

    with open(os.path.join(OUT, "genes.tsv"), "w") as f:
        header(f, "human genes (protein-coding + pharmacogenes): symbols, aliases, full names, PGx families",
               "NCBI Gene via org.Hs.eg.db (symbols, aliases, names); pgx_genes_core.tsv and CPIC gene table (HGNC ids, pharmacogene aliases); "
               "word counts (not text) of ../shared/data/pubmed to tell English words from capitals-only aliases",
               "NCBI Gene: public domain; org.Hs.eg.db: Artistic-2.0; CPIC: CC0 1.0; pgx_genes_core derived from CC0/MIT/Artistic inputs")
        f.write("# stop list: symbols/aliases that are English words or clinical abbreviations are left out (see GENE_STOP)\n")
        f.write("key\tmatch\tkind\tsymbol\thgnc\tentrez\tpgx\n")
        for (key, match), (_, kind, sym, h, entrez, pgx) in sorted(rows.items()):
            f.write(f"{key}\t{match}\t{kind}\t{sym}\t{h}\t{entrez}\t{1 if pgx else 0}\n")
        for key, sym, entrez, pgx in sorted(shared):
            f.write(f"{key}\tcs\tshared\t{sym}\t{hgnc.get(sym, '')}\t{entrez}\t{1 if pgx else 0}\n")
    return len(rows)


@functools.lru_cache(maxsize=None)
def cpic_names():
    """One name per drug: where CPIC names a DrugBank drug otherwise than DrugBank does ("aspirin" for
    acetylsalicylic acid, "glibenclamide", "salbutamol", "tenofovir", "thioguanine", "vitamin c"), the CPIC
    name, as PGx guidelines and curated tables write it. DrugBank common name (lower case) -> CPIC name; a
    CPIC name with a comma ("interferon alfa-2b, recombinant") is a product label, not a drug name. Read once
    (the drug table and the CPIC pairs both use it); callers do not change the dict."""
    common = {}
    with open(os.path.join(LEX, "drugbank_open_vocabulary", "drugbank_vocabulary.csv")) as f:
        for r in csv.DictReader(f):
            common[r["DrugBank ID"]] = r["Common name"].strip().lower()
    out = {}
    with open(os.path.join(LEX, "cpic", "v2_initial_drug.tsv")) as f:
        for r in csv.DictReader(f, delimiter="\t"):
            db, name = r["drugbankid"], r["name"].lower()
            if db in common and common[db] != name and "," not in name:
                out[common[db]] = name
    # and RxNorm's ingredient names of drugs CPIC does not list, where DrugBank names the acid: the
    # bisphosphonates as prescriptions and curated tables write them
    for drugbank, rxnorm in RXNORM_NAMES.items():
        out.setdefault(drugbank, rxnorm)
    return out


# RxNorm ingredient names (facts) for DrugBank common names that differ from them
RXNORM_NAMES = {"alendronic acid": "alendronate", "risedronic acid": "risedronate", "etidronic acid": "etidronate",
                "pamidronic acid": "pamidronate", "glatiramer": "glatiramer acetate"}


def build_drugs():
    rows = {}
    def add(key, match, kind, name, db="", rx="", atc=""):
        # zero-width spaces and joiners occur inside some DrugBank synonyms ("1,\u200b2-dioleoyl…")
        key = ZERO_WIDTH.sub("", key).strip()
        name = ZERO_WIDTH.sub("", name)
        if not key:
            return
        if match == "ci":
            key = key.lower()
        k = (key, match)
        rank = {"generic": 0, "brand": 1, "regimen": 1, "class": 2, "synonym": 3, "abbreviation": 4}[kind]
        old = rows.get(k)
        if old is None or rank < old[0]:
            rows[k] = (rank, kind, name, db, rx, atc)

    cpic = {}
    with open(os.path.join(LEX, "cpic", "v2_initial_drug.tsv")) as f:
        for r in csv.DictReader(f, delimiter="\t"):
            # "{J05AF06,J05AR02}"; a drug without a code is written {""}
            atc = "|".join(c.strip('"') for c in r["atcid"].strip("{}").split(",") if c.strip('"'))
            if r["drugid"].startswith("ATC:"):
                add(r["name"], "ci", "class", r["name"].lower(), "", "", atc)
                continue
            cpic[r["name"].lower()] = (r["drugbankid"], r["rxnormid"], atc)
    # Human gene symbols and aliases: a protein DrugBank lists as a drug (it has no InChIKey: "IL-2",
    # "MART1", "CT-1" as cardiotrophin 1) is the gene's product when written as its short name.
    gene_keys = set()
    gene_names = set()
    for r in ncbi_genes():
        if r["gene_type"] == "protein-coding":
            gene_keys.add(r["symbol"])
            gene_keys.update(a for a in r["aliases"].split("|") if a)
            gene_names.add(spaced_name(r["name"]))
    with open(os.path.join(LEX, "drugbank_open_vocabulary", "drugbank_vocabulary.csv")) as f:
        for r in csv.DictReader(f):
            name = r["Common name"].strip()
            low = name.lower()
            if not name or low in DRUG_STOP:
                continue
            # cell therapies ("allogenic bone marrow-derived mesenchymal stem cells", "UC-MSCs") name the cells
            # that cell biology abstracts study ("BMSCs"), no drug of a rule table
            if re.search(r"\b(stem|stromal) cells?\b", low):
                continue
            # DrugBank's allergenic extracts (DB10000-DB11099 without a structure: foods, pollens, moulds, animal
            # skins, insects; "goose", "peach", "yeast", "cotton") are no drugs of a rule table; vaccines stay
            if 10000 <= int(r["DrugBank ID"][2:]) < 11100 and not r["Standard InChI Key"].strip() \
                    and low not in ENDOGENOUS and "vaccine" not in low:
                continue
            rx, atc = "", ""
            if low in cpic:
                _, rx, atc = cpic[low]
            if len(name) >= 4 or re.search(r"\d", name):
                add(name, "ci", "generic", low, r["DrugBank ID"], rx, atc)
            for s in r["Synonyms"].split(" | "):
                s = s.strip()
                if not s or s.lower() in DRUG_STOP or s in AMINO3 or len(s) > 60:
                    continue
                # a protein drug's synonym that is its gene's full name names the protein ("interleukin-3" is
                # IL3, not muplestim; "folliculin" FLCN, not estrone): the drug has its own name; not where the
                # drug is what the name mostly means ("asparaginase", "tissue plasminogen activator", "interleukin-2")
                spaced = spaced_name(s)
                if spaced in gene_names and spaced not in PROTEIN_DRUG_NAMES:
                    continue
                # "M cells" (a stem-cell product): a letter and "cells" is a cell type in PubMed ("10 μM cells")
                if re.fullmatch(r"(?i)[a-z] cells?", s):
                    continue
                if len(s) < 4 or (len(s) <= 5 and re.fullmatch(r"[A-Z0-9-]+", s)):
                    # short abbreviations (5-FU, 6-MP, CsA) only as written, and only with a digit or mixed case:
                    # a capital after the first letter (CsA, hCG, KCl). A capitalized word ("Dex", "Lac", "Mat",
                    # "Cod") is a word at the start of a sentence, or an abbreviation of many things (Dex is
                    # dexamethasone or dexmedetomidine in PubMed far more often than DrugBank's dextromethorphan)
                    protein = not r["Standard InChI Key"].strip() and (s in gene_keys or s.replace("-", "") in gene_keys)
                    if len(s) >= 3 and not protein and (re.search(r"\d", s) or (re.search(r"[a-z]", s) and re.search(r".[A-Z]", s))):
                        add(s, "cs", "abbreviation", low, r["DrugBank ID"], rx, atc)
                    continue
                # a capital right after a letter (SAMe, cAMP, CoA) is meant as written; a capital that only
                # starts a word part ("4-Aminopyridine", "R-Roscovitine") is not
                if re.search(r"[A-Za-z][A-Z]", s) and re.search(r"[a-z]", s):
                    add(s, "cs", "synonym", low, r["DrugBank ID"], rx, atc)
                else:
                    add(s, "ci", "synonym", low, r["DrugBank ID"], rx, atc)
                    # "R-roscovitine", "(S)-citalopram", "L-carnitine": the name without its stereo prefix too
                    bare = STEREO_PREFIX.sub("", s)
                    if bare != s and len(bare) >= 6 and bare.lower() not in DRUG_STOP:
                        add(bare, "ci", "synonym", low, r["DrugBank ID"], rx, atc)
    for name, (db, rx, atc) in cpic.items():
        add(name, "ci", "generic", name, db, rx, atc)
    # A drug DrugBank names with its salt or ester ("medroxyprogesterone acetate", "beclomethasone
    # dipropionate", "omacetaxine mepesuccinate") is written without it as often: the first word alone
    # names it too, when it is no other name, no gene, no word of the stop list and no chemical radical
    # or ion ("ammonium chloride", "ferrous sulfate", "dodecyl sulfate" stay whole)
    gene_upper = {k.upper() for k in gene_keys}
    salts_esters = set(SALTS + ESTERS)
    for (key, match), v in list(rows.items()):
        words = key.split()
        if v[1] != "generic" or match != "ci" or len(words) != 2 or words[1] not in salts_esters:
            continue
        first = words[0]
        if len(first) < 7 or not first.isalpha() or (first, "ci") in rows or first in DRUG_STOP or first.upper() in gene_upper \
                or first in SPELLINGS or first in BRANDS or re.search(r"(ium|ous|ic|yl|ide|ate)$", first):
            continue
        add(first, "ci", "synonym", v[2], v[3], v[4], v[5])
    by_name = {v[2]: v for v in rows.values() if v[1] == "generic"}
    for brand, generic in BRANDS.items():
        g = by_name.get(generic)
        add(brand, "ci", "brand", generic, g[3] if g else "", g[4] if g else "", g[5] if g else "")
    for el in ELEMENTS:
        g = by_name.get(el) or by_name.get("d-" + el)   # DrugBank names glucose "D-glucose"
        # a substance DrugBank's open vocabulary does not name is still one substance (no id), not a class
        # (glucose and triglycerides are then marked endogenous with the rest); exposures, placebo and the
        # insulins stay classes
        kind = "class" if not g and el in ELEMENTS_CLASSES else "generic"
        add(el, "ci", kind, el, g[3] if g else "", g[4] if g else "", g[5] if g else "")
    for name, spellings in METABOLITES.items():
        if name in by_name:
            sys.exit(f"METABOLITES: {name} is a generic name in the drug table already; drop it from the list")
        for sp in spellings:
            add(sp, "ci", "generic", name)
    for written, generic in SPELLINGS.items():
        g = by_name.get(generic)
        if not g:
            sys.exit(f"SPELLINGS: {written} names {generic}, which is not a generic name in the drug table")
        add(written, "ci", "synonym", generic, g[3], g[4], g[5])
    for code, generic in DEVELOPMENT_CODES.items():
        g = by_name.get(generic)
        if not g:
            sys.exit(f"DEVELOPMENT_CODES: {code} names {generic}, which is not a generic name in the drug table")
        forms = {code, code.replace(" ", "-")}
        m = re.match(r"^([A-Z]+)[- ]?(\d.*)$", code)
        if m:   # "PLX4032", "PLX-4032", "PLX 4032"
            forms |= {m[1] + sep + m[2] for sep in ("", "-", " ")}
        for form in forms:
            add(form, "cs", "synonym", generic, g[3], g[4], g[5])
    for abbr, generic in ABBREVIATIONS.items():
        g = by_name.get(generic)
        add(abbr, "cs", "abbreviation" if g else "class", generic, g[3] if g else "", g[4] if g else "", g[5] if g else "")
    for reg, parts in REGIMENS.items():
        missing = [x for x in parts if x not in by_name]
        if missing:
            sys.exit(f"REGIMENS: {reg} names {missing}, which are not generic names in the drug table")
        cs = bool(re.search(r"[A-Z]", reg))
        add(reg, "cs" if cs else "ci", "regimen", "|".join(parts))
        if cs and not re.search(r"[a-z]", reg):
            continue
        if cs:
            add(reg.lower(), "ci", "regimen", "|".join(parts))   # "PegIFN" also as "pegifn"
    # one name per class: the first listed for its ATC code ("platinum agents" and "platinum-based
    # chemotherapy" are both "platinum"), so a rule about a class is one rule
    # (a class without an ATC code is a name of its own: "catecholamines" is not "biologics"; its
    # "=name" form points a spelling at the class it spells)
    canonical = {}
    for cls, atc in DRUG_CLASSES:
        if atc and not atc.startswith("="):
            canonical.setdefault(atc, cls.lower())
    class_of = {}
    for cls, atc in DRUG_CLASSES:
        name = atc[1:] if atc.startswith("=") else canonical[atc] if atc else cls.lower()
        add(cls, "cs" if cls.isupper() or re.search(r"[A-Z]{2}", cls) else "ci", "class", name, "", "", "" if atc.startswith("=") else atc)
        class_of[cls.lower()] = (name, "" if atc.startswith("=") else atc)
    # an abbreviation of a class spelling names the class ("VKAs" as "vitamin K antagonists": oral anticoagulants)
    for k, v in list(rows.items()):
        if v[1] == "class" and v[2] in class_of and (class_of[v[2]][0] != v[2] or not v[5]):
            name, atc = class_of[v[2]]
            rows[k] = (v[0], v[1], name, v[3], v[4], v[5] or atc)
    # An enantiomer of a drug ("(S)-warfarin", "R-fluoxetine") is reported under the drug: curated tables
    # and rules name warfarin, not its S form. (A single-enantiomer drug has a name of its own: escitalopram.)
    generic = {v[2]: v for v in rows.values() if v[1] == "generic"}
    for k, v in list(rows.items()):
        parent = STEREO_PREFIX_CI.sub("", v[2])
        if parent != v[2] and parent in generic:
            g = generic[parent]
            rows[k] = (v[0], v[1], parent, g[3], g[4], g[5])
    missing = ENDOGENOUS - {v[2] for v in rows.values()}
    if missing:
        sys.exit(f"ENDOGENOUS names {sorted(missing)}, which are not drug names in the drug table")
    for k, v in list(rows.items()):
        if v[2] in ENDOGENOUS and v[1] in ("generic", "synonym", "abbreviation"):
            rows[k] = (v[0], "endogenous") + v[2:]
    # the CPIC name of a drug DrugBank names otherwise
    rename = cpic_names()
    for k, v in list(rows.items()):
        if v[1] == "regimen":   # each part by its CPIC name too: Atripla's "tenofovir disoproxil" is tenofovir
            rows[k] = (v[0], v[1], "|".join(rename.get(x, x) for x in v[2].split("|"))) + v[3:]
        elif v[2] in rename:
            rows[k] = (v[0], v[1], rename[v[2]]) + v[3:]
    # a protein's name that is a gene's name is the gene (genes.tsv is built first)
    gene_names = set()
    with open(os.path.join(OUT, "genes.tsv")) as f:
        for line in f:
            col = line.rstrip("\n").split("\t")
            if len(col) >= 3 and col[1] == "ci" and col[2] in ("name", "alias") and PROTEIN_NAME.search(col[0]):
                gene_names.add(col[0].replace("-", " "))
    # hyphens and spaces are one separator to the matcher: "alpha-glucosidase" is the gene's "alpha glucosidase"
    for k in [k for k in rows if k[0].lower().replace("-", " ") in gene_names and k[0].lower() not in DRUG_ENZYMES]:
        del rows[k]
    with open(os.path.join(OUT, "drugs.tsv"), "w") as f:
        header(f, "drugs: generic names, synonyms, short abbreviations, brand names, drug classes, regimens (name = components joined by |)",
               "DrugBank open vocabulary (names, synonyms, ids); CPIC drug table (RxNorm, ATC); brand names, classes and development codes (INN/USAN records) compiled for pgx",
               "DrugBank open vocabulary: CC0 1.0; CPIC: CC0 1.0; brand/class/code lists: pgx project (facts)")
        f.write("key\tmatch\tkind\tname\tdrugbank\trxnorm\tatc\n")
        for (key, match), (_, kind, name, db, rx, atc) in sorted(rows.items()):
            f.write(f"{key}\t{match}\t{kind}\t{name}\t{db}\t{rx}\t{atc}\n")
    with open(os.path.join(OUT, "salts.tsv"), "w") as f:
        header(f, "salt and ester words that may follow a drug name (clopidogrel bisulfate → clopidogrel)", "pgx project", "pgx project")
        f.write("salt\n" + "".join(s + "\n" for s in SALTS))
    return len(rows)


# genes PharmCAT names alleles of by their change ("G551D", "c.2846A>T") rather than by a star; G6PD's
# are mostly places ("Canton", "Mediterranean"), which a variant pattern never reads
NAMED_ALLELE_GENES = {"CFTR", "DPYD", "RYR1", "CACNA1S"}
# Older names of a change that papers still write, each with the rsID of that change (facts: names and
# ids, compiled for pgx from the alleles' published legacy names; `build_variants` checks every rsID
# against the genes PharmCAT and PyPGx list it under, and reports one they give another gene).
# DPYD*2A's splice site as its intron position; CFTR's ΔF508.
LEGACY_VARIANT_NAMES = [("DPYD", "IVS14+1G>A", "rs3918290"), ("CFTR", "ΔF508", "rs113993960"), ("CFTR", "delta F508", "rs113993960")]
# Pharmacogene changes by the cDNA (or promoter) numbering papers have long used, which the allele tables
# above write as rsIDs or stars. A change, or a genotype at its position ("3435TT", "C3435T"), written
# without its gene takes the one of these genes its document names (`EntityRecognizer.attachFromDocument`);
# a triple names each by its rsID (`Lexicon.rsid(ofChange:gene:)`), so that "C3435T", "3435C>T" and
# "rs1045642" are one rule.
LEGACY_VARIANT_NAMES += [(g, n, rs) for g, names in {
    "ABCB1": {"1236C>T": "rs1128503", "2677G>T": "rs2032582", "2677G>A": "rs2032582", "3435C>T": "rs1045642"},
    "ABCG2": {"34G>A": "rs2231137", "421C>A": "rs2231142"},
    "CYP1A2": {"-163C>A": "rs762551", "-3860G>A": "rs2069514"},
    "CYP2B6": {"64C>T": "rs8192709", "516G>T": "rs3745274", "785A>G": "rs2279343", "983T>C": "rs28399499", "1459C>T": "rs3211371"},
    "CYP2C8": {"416G>A": "rs11572080", "1196A>G": "rs10509681"},
    "CYP2C9": {"430C>T": "rs1799853", "1075A>C": "rs1057910"},
    "CYP2C19": {"681G>A": "rs4244285", "636G>A": "rs4986893", "-806C>T": "rs12248560"},
    "CYP2D6": {"100C>T": "rs1065852", "1661G>C": "rs1058164", "1846G>A": "rs3892097", "2850C>T": "rs16947", "4180G>C": "rs1135840"},
    "CYP3A4": {"-392A>G": "rs2740574"}, "CYP3A5": {"6986A>G": "rs776746"}, "CYP4F2": {"1297G>A": "rs2108622"},
    "VKORC1": {"-1639G>A": "rs9923231", "1173C>T": "rs9934438", "1542G>C": "rs8050894", "3730G>A": "rs7294"},
    "MTHFR": {"677C>T": "rs1801133", "1298A>C": "rs1801131"}, "MTRR": {"66A>G": "rs1801394"}, "MTR": {"2756A>G": "rs1805087"},
    "SLCO1B1": {"388A>G": "rs2306283", "521T>C": "rs4149056"}, "OPRM1": {"118A>G": "rs1799971"}, "COMT": {"472G>A": "rs4680"},
    "GNB3": {"825C>T": "rs5443"}, "NQO1": {"609C>T": "rs1800566"},
    "UGT1A1": {"-3279T>G": "rs4124874", "211G>A": "rs4148323"}, "UGT2B7": {"-161C>T": "rs7668258", "802C>T": "rs7439366"},
    "TPMT": {"238G>C": "rs1800462", "460G>A": "rs1800460", "719A>G": "rs1142345"},
    "DPYD": {"1679T>G": "rs55886062", "2846A>T": "rs67376798"}, "NUDT15": {"415C>T": "rs116855232"},
    "NAT2": {"282C>T": "rs1041983", "341T>C": "rs1801280", "481C>T": "rs1799929", "590G>A": "rs1799930", "803A>G": "rs1208",
             "857G>A": "rs1799931"},
    "GSTP1": {"313A>G": "rs1695"}, "HTR2A": {"-1438G>A": "rs6311", "102T>C": "rs6313"},
}.items() for n, rs in names.items()]
# Changes of other genes that pharmacogenomic studies often type and write by a legacy or protein name
# ("ABCC2 -24C>T", "COMT Val158Met", "FCGR3A V158F"): the same facts, named with the rsID they are.
LEGACY_VARIANT_NAMES += [(g, n, rs) for g, names in {
    "ABCC2": {"-24C>T": "rs717620", "1249G>A": "rs2273697", "3972C>T": "rs3740066"}, "ABCB1": {"-129T>C": "rs3213619"},
    "COMT": {"Val158Met": "rs4680"}, "CFTR": {"W1282X": "rs77010898", "G542X": "rs113993959"}, "CFH": {"Y402H": "rs1061170"},
    "FCER2": {"2206T>C": "rs28364072"}, "SLC6A2": {"1287G>A": "rs5569"}, "ATIC": {"347C>G": "rs2372536"},
    "CES1": {"428G>A": "rs71647871"}, "EPHX1": {"337T>C": "rs1051740"}, "UGT1A4": {"142T>G": "rs2011425"},
    "SCN1A": {"IVS5-91G>A": "rs3812718"}, "CYP2B6": {"18492T>C": "rs2279345"}, "NR1I2": {"63396C>T": "rs2472677"},
    "PPARA": {"L162V": "rs1800206"}, "VKORC1": {"D36Y": "rs61742245"}, "APOA5": {"-1131T>C": "rs662799"},
    "UGT2B7": {"-840G>A": "rs7438135"}, "P2RY12": {"34C>T": "rs6785930", "52G>T": "rs6809699"},
    "PON1": {"Q192R": "rs662", "L55M": "rs854560"}, "FCGR2A": {"H131R": "rs1801274"},
    "FCGR3A": {"V158F": "rs396991", "F158V": "rs396991"}, "DRD3": {"Ser9Gly": "rs6280"},
    "ADRB2": {"Arg16Gly": "rs1042713", "Gln27Glu": "rs1042714"}, "HTR2C": {"-759C>T": "rs3813929"},
}.items() for n, rs in names.items()]
# polymorphisms named by the restriction site that typed them, with the genes they are best known in and
# the rsID the site types in each (a site names a change only within its gene: "MspI" is CYP1A1's or
# ADRA2A's, whichever the abstract names; DRD2's TaqIA lies in ANKK1, which PyPGx lists it under)
LEGACY_VARIANT_NAMES += [(g, n, rs) for n, genes in {
    "TaqIA": {"DRD2": "rs1800497", "ANKK1": "rs1800497"}, "Taq1A": {"DRD2": "rs1800497", "ANKK1": "rs1800497"},
    "TaqIB": {"CETP": "rs708272", "DRD2": "rs1079597"}, "Taq1B": {"CETP": "rs708272", "DRD2": "rs1079597"},
    "DdeI": {"DRD1": "rs4532"}, "MspI": {"CYP1A1": "rs4646903", "ADRA2A": "rs1800544"}, "TaqI": {"VDR": "rs731236"},
    "ApaI": {"VDR": "rs7975232"}, "BsmI": {"VDR": "rs1544410"}, "FokI": {"VDR": "rs2228570"},
    "PvuII": {"ESR1": "rs2234693"}, "XbaI": {"ESR1": "rs9340799"}, "DraI": {"ADRA2A": "rs553668"},
}.items() for g, rs in genes.items()]


def variant_key(name):
    """The form a variant's name is looked up by, as `EntityRecognizer.variantKey` makes it: no "c."/"p."
    prefix, ">" for an arrow, one-letter amino acids, X for a stop, "F508del" for "ΔF508"."""
    s = name.strip()
    if s[:2] in ("c.", "p."):
        s = s[2:]
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1]
    s = s.replace("-->", ">").replace("->", ">")
    m = re.fullmatch(r"(?:Δ|delta ?|del)([A-Z])(\d+)", s)
    if m:
        return m.group(1) + m.group(2) + "del"
    m = re.fullmatch(r"([A-Z][a-z]{2})(\d+)([A-Z][a-z]{2}|del|fs|X|\*)", s)
    if m and m.group(1) in AMINO_LETTER and (m.group(3) in AMINO_LETTER or m.group(3) in ("del", "fs", "X", "*")):
        s = AMINO_LETTER[m.group(1)] + m.group(2) + AMINO_LETTER.get(m.group(3), m.group(3))
    return s[:-1] + "X" if re.fullmatch(r"[A-Z]\d+\*", s) else s


def named_variant_keys(allele):
    """The lookup keys of one named allele: "c.85T>C (*9A)" is c.85T>C; "G194R(G>A)" is G194R; a
    haplotype of two changes ("F508C,S1251N") or a name that is no change ("Reference") gives none."""
    a = re.sub(r"\s*\([^)]*\)$", "", allele.strip())
    if "," in a or " " in a or ("_" in a and not a.startswith("c.")):
        return []
    k = variant_key(a)
    return [k] if re.fullmatch(r"[A-Z]\d+(?:[A-Z]|X|del|fs)|\d+[+-]?\d*(?:kb)?[ACGT]>[ACGT]|[-*]?\d+(?:[+-]\d+)?(?:_\d+)?(?:[ACGT]>[ACGT]|del[ACGT]*|dup[ACGT]*|ins[ACGT]+)", k) else []


def build_variants():
    rows = set()
    for fn, sep, gcol, rcol in (("pharmcat/derived_variants.tsv", "\t", "gene", "rsid"), ("pypgx/variant-table.csv", ",", "Gene", "rsID")):
        with open(os.path.join(LEX, fn)) as f:
            for r in csv.DictReader(f, delimiter=sep):
                rs = r[rcol].strip()
                if re.fullmatch(r"rs\d+", rs):
                    rows.add(("rsid", rs, r[gcol], ""))
    with open(os.path.join(LEX, "pharmcat", "derived_named_alleles.tsv")) as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["allele"].startswith("*"):
                rows.add(("star", r["allele"], r["gene"], r["function"]))
    with open(os.path.join(LEX, "pypgx", "allele-table.csv")) as f:
        for r in csv.DictReader(f):
            if r["StarAllele"].startswith("*"):
                rows.add(("star", r["StarAllele"], r["Gene"], r["Function"]))
    # named variants (protein and cDNA changes) with their gene and, where one rsID is that change, the
    # rsID, so that "G551D" or "c.2846A>T" written without its gene takes the gene the document names
    # (CFTR, DPYD), and a triple names the change as the rsID does: PharmCAT's named alleles of the genes it
    # names by change rather than by star (one defining rsID), PyPGx's protein change of each variant
    named = {}   # (key, gene) -> the rsIDs given for it
    def add_named(key, gene, rsid):
        named.setdefault((key, gene), set())
        if re.fullmatch(r"rs\d+", rsid):
            named[(key, gene)].add(rsid)
    with open(os.path.join(LEX, "pharmcat", "derived_named_alleles.tsv")) as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["gene"] in NAMED_ALLELE_GENES:
                defining = [d.split(":")[0] for d in r["defining_rsids"].split(";") if d]
                for key in named_variant_keys(r["allele"]):
                    add_named(key, r["gene"], defining[0] if len(defining) == 1 else "")
                # the star name such an allele also has ("c.1905+1G>A (*2A)": DPYD*2A is rs3918290)
                star = re.search(r"\((\*\w+)\)$", r["allele"].strip())
                if star and len(defining) == 1:
                    add_named(star.group(1), r["gene"], defining[0])
    with open(os.path.join(LEX, "pypgx", "variant-table.csv")) as f:
        for r in csv.DictReader(f):
            for key in named_variant_keys(r["Impact"]):
                add_named(key, r["Gene"], r["rsID"].strip())
    listed = {}   # rsID -> the genes PharmCAT and PyPGx list it under
    for (kind, rs, gene, _) in rows:
        if kind == "rsid":
            listed.setdefault(rs, set()).add(gene)
    for gene, name, rsid in LEGACY_VARIANT_NAMES:
        if rsid in listed and gene not in listed[rsid]:
            print(f"variants: {gene} {name} is {rsid}, which the allele tables list under {', '.join(sorted(listed[rsid]))}", file=sys.stderr)
        add_named(variant_key(name), gene, rsid)
    for (key, gene), rsids in named.items():
        if len(rsids) > 1:
            print(f"variants: {gene} {key} is given {', '.join(sorted(rsids))}: no rsID kept", file=sys.stderr)
        rows.add(("named", key, gene, next(iter(rsids)) if len(rsids) == 1 else ""))
    # the rsID of a legacy name that no allele table lists is its gene's too ("rs5443" written alone is
    # GNB3's, as "C825T" is); one they list under another gene (DRD2's TaqIA, ANKK1's rs1800497) stays theirs
    for gene, _, rsid in LEGACY_VARIANT_NAMES:
        if rsid not in listed:
            rows.add(("rsid", rsid, gene, ""))
    # an rsID claimed by two genes is kept for both; the extractor picks the one named nearby
    with open(os.path.join(OUT, "variants.tsv"), "w") as f:
        header(f, "variants: rsIDs with their gene, star alleles with their function, named changes with their gene and rsID",
               "PharmCAT allele definitions (derived_variants, derived_named_alleles); PyPGx variant and allele tables; "
               "legacy variant names and their rsIDs compiled for pgx",
               "PharmCAT: MPL-2.0 (data from CPIC CC0 / PharmVar); PyPGx: MIT; legacy names and their rsIDs: pgx project (facts)")
        f.write("kind\tkey\tgene\tdetail\n")
        for row in sorted(rows):
            f.write("\t".join(row) + "\n")
    return len(rows)


def build_phenotypes():
    rows = []
    forms = {
        "poor metabolizer": ["poor metabolizer", "poor metaboliser", "poor metabolizers", "poor metabolisers", "PM", "PMs", "slow metabolizer", "slow metabolizers"],
        "intermediate metabolizer": ["intermediate metabolizer", "intermediate metaboliser", "intermediate metabolizers", "intermediate metabolisers", "IM", "IMs"],
        "normal metabolizer": ["normal metabolizer", "normal metaboliser", "normal metabolizers", "normal metabolisers", "NM", "NMs",
                               "extensive metabolizer", "extensive metaboliser", "extensive metabolizers", "extensive metabolisers", "EM", "EMs"],
        "rapid metabolizer": ["rapid metabolizer", "rapid metaboliser", "rapid metabolizers", "rapid metabolisers", "RM", "RMs"],
        "ultrarapid metabolizer": ["ultrarapid metabolizer", "ultrarapid metaboliser", "ultrarapid metabolizers", "ultrarapid metabolisers",
                                   "ultra-rapid metabolizer", "ultra-rapid metabolizers", "ultra-rapid metaboliser", "ultra-rapid metabolisers",
                                   "ultra rapid metabolizer", "ultra rapid metabolizers", "UM", "UMs", "URM", "URMs"],
        "slow acetylator": ["slow acetylator", "slow acetylators", "poor acetylator", "poor acetylators"],
        "intermediate acetylator": ["intermediate acetylator", "intermediate acetylators"],
        "rapid acetylator": ["rapid acetylator", "rapid acetylators", "fast acetylator", "fast acetylators"],
        "poor function": ["poor function"], "decreased function": ["decreased function", "reduced function"],
        "increased function": ["increased function", "gain of function", "gain-of-function"],
        "no function": ["no function", "loss of function", "loss-of-function", "null allele", "null alleles"],
        "deficient": ["deficient", "enzyme deficiency", "deficiency", "deficiencies"],  # "deficiency" only right after its gene
        # CYP3A5's expression status, as tacrolimus studies write it
        "expresser": ["expresser", "expressers", "expressor", "expressors"],
        "non-expresser": ["non-expresser", "non-expressers", "nonexpresser", "nonexpressers", "non-expressor", "non-expressors",
                          "nonexpressor", "nonexpressors"],
    }
    with open(os.path.join(LEX, "pgx_phenotype_terms.tsv")) as f:
        for r in csv.DictReader(f, delimiter="\t"):
            t = r["term"].strip()
            if re.search(r"metaboli[sz]er$", t, re.I) and t.lower() not in sum(forms.values(), []):
                forms.setdefault(t.lower(), []).append(t.lower())
    for canonical, fs in forms.items():
        for x in fs:
            rows.append((x if x.isupper() or x[:-1].isupper() else x.lower(), canonical,
                         "cs" if x.isupper() or x[:-1].isupper() else "ci"))
    with open(os.path.join(OUT, "phenotypes.tsv"), "w") as f:
        header(f, "metabolizer, acetylator and allele-function phenotypes with their canonical (CPIC) term",
               "CPIC standardized terms (pgx_phenotype_terms.tsv); spelling variants and abbreviations compiled for pgx",
               "CPIC: CC0 1.0; variants: pgx project")
        f.write("# abbreviations (PM, IM, EM, UM) are matched only as written, in upper case\n")
        f.write("key\tcanonical\tmatch\n")
        for row in sorted(set(rows)):
            f.write("\t".join(row) + "\n")
    return len(rows)


def build_pairs():
    """After build_drugs: each pair's drug by the name drugs.tsv gives it, so that the pair matches the
    triples extraction writes ("mepacrine" is quinacrine, "vitamin K" phylloquinone, "amifampridine
    phosphate" amifampridine); a pair whose drug no lexicon key names is left out and reported."""
    pairs = set()
    rename = cpic_names()   # PyPGx's table writes "glyburide" where CPIC's drug table says glibenclamide
    names, by_key = set(), {}
    with open(os.path.join(OUT, "drugs.tsv")) as f:
        for line in f:
            col = line.rstrip("\n").split("\t")
            if line.startswith("#") or col[0] == "key" or col[2] == "regimen":
                continue
            names.add(col[3])
            by_key.setdefault(col[0].lower(), col[3])
    salt = re.compile(r"\s+(" + "|".join(map(re.escape, SALTS)) + r")$")
    with open(os.path.join(LEX, "pypgx", "cpic-table.csv")) as f:
        for r in csv.DictReader(f):
            if r.get("Gene") and r.get("Drug"):
                drug = r["Drug"].strip().lower()
                drug = rename.get(drug, drug)
                if drug not in names:
                    drug = by_key.get(drug) or by_key.get(salt.sub("", drug)) or drug
                if drug not in names:   # it could never match a triple's drug
                    print(f"cpic pairs: {r['Gene']}–{drug} left out: no drug of drugs.tsv is named so", file=sys.stderr)
                    continue
                pairs.add((r["Gene"].strip(), drug))
    with open(os.path.join(OUT, "cpic_pairs.tsv"), "w") as f:
        header(f, "gene–drug pairs with a CPIC guideline entry (a prior for the pair classifier)",
               "PyPGx cpic-table.csv (CPIC gene-drug pairs)", "PyPGx: MIT; CPIC: CC0 1.0")
        f.write("gene\tdrug\n")
        for g, d in sorted(pairs):
            f.write(f"{g}\t{d}\n")
    return len(pairs)


if __name__ == "__main__":
    if not os.path.isdir(LEX):
        sys.exit(f"lexicon sources not found at {LEX}")
    os.makedirs(OUT, exist_ok=True)
    print(f"genes: {build_genes()} keys; drugs: {build_drugs()} keys; variants: {build_variants()}; phenotypes: {build_phenotypes()}")
    print(f"cpic pairs: {build_pairs()}")
