"""Sentence templates of the clinical-note generator, by note section.

`{slot}` placeholders are filled by `veil.synth.notes._Note`: PHI slots write a
gold span, term slots write a clinical term the scrubber must keep. Each pool
holds many wordings so that no two notes share one template; PHI appears in
headers, lists, narrative, late in the note and in signatures.
"""

from __future__ import annotations

from typing import Final

HPI: Final[tuple[str, ...]] = (
    "{pt} is a {age} with a history of {eponym} and {icd_text} who presented to {facility} "
    "on {admit} with worsening dyspnea.",
    "{pt_formal} is a {age} known to our service for {eponym}, brought in by {rel} after a fall "
    "at home on {date}.",
    "Patient is a {age} seen in clinic on {date} for follow-up of {eponym}; {score} today.",
    "{pt_first} reports 3 days of chest pain radiating to the left arm, worse since {weekday}.",
    "Per {rel}, the patient had been confused since {date_partial} and stopped taking "
    "{drug}.",
    "{pt_formal} was transferred from {facility2} in {other_city} where a {study} showed "
    "{finding}",
    "This {age} was diagnosed with {eponym} in {year} and has been followed by {doc2} since.",
    "The patient, a retired teacher from {other_city} {age_decade}, states symptoms began "
    "around {holiday}.",
    "{pt} called the on-call line at {phone} overnight complaining of fever and chills.",
    "Presented with {sign} on exam and {lab}; started on {drug}.",
    "History obtained from {pt_first} and {rel}, who is the health care proxy.",
    "{pt_formal} was last seen by {doc} on {date} when {gene} testing was sent.",
)  # fmt: skip

COURSE: Final[tuple[str, ...]] = (
    "On {date} the patient was taken for {procedure} without complication.",
    "{lab} on admission, trending down to normal by {date_partial}.",
    "Cardiology ({doc2}) was consulted on {date} and recommended {drug}.",
    "The patient was started on {drug} and {drug}; {vital} at discharge.",
    "{study} on {date}: {finding}",
    "Hospital course complicated by delirium; {score} on {weekday}.",
    "Patient remained hemodynamically stable with {vital} and {vital}.",
    "A {device_text} was placed on {date} (UDI {udi}).",
    "{pt_first} ambulated with PT on {date_partial}; {score}.",
    "Oncology saw the patient regarding {gene} and {eponym}; plan per {doc3}.",
    "Coded as {icd_text}; billing account {acct}.",
    "{rel_word} {rel_first} visited daily and was updated by phone at {phone2}.",
    "Discussed code status with {pt_formal} and {rel}; remains full code.",
    "Received {drug} for {eponym} flare, with improvement of {lab}.",
)  # fmt: skip

SOCIAL: Final[tuple[str, ...]] = (
    "Lives at {addr} with {rel}.",
    "Lives alone in {city}, {state_name}; {rel} lives nearby in {other_city}.",
    "Moved to {county} from {state_name} in {year}; former smoker, quit {year}.",
    "Works as a bus driver; drives a vehicle with plate {plate} (VIN {vin}).",
    "Home address on file: {addr}. Best contact number {phone}.",
    "Emergency contact: {rel}, phone {phone2}.",
    "Denies alcohol; AUDIT-C 0. Uses the patient portal ({url}).",
    "Patient's e-mail for results: {email}.",
    "Driver's license {dl} verified at registration.",
    "Resides at {facility2}; staff phone {phone2}, fax {fax}.",
)  # fmt: skip

PLAN: Final[tuple[str, ...]] = (
    "Follow up with {doc} in 2 weeks, on {fu_date}; call {fac_phone} to confirm.",
    "Repeat {lab_name} on {fu_date} at {facility}.",
    "Continue {drug}; hold {drug} until {fu_date}.",
    "Referral placed to {doc2} at {facility2} (fax {fax}).",
    "Return precautions reviewed with {pt_first} and {rel_word} {rel_first}.",
    "Results will be sent to {email}.",
    "Next {study} due in {year}.",
    "Discharge to home with services; VNA phone {phone2}.",
    "Prior authorization submitted for {drug}; member ID {plan}.",
    "Device check in 3 months; interrogation of serial {serial}.",
)  # fmt: skip

NURSING: Final[tuple[str, ...]] = (
    "0700: Received patient from night shift, A&Ox3, {vital}, {vital}.",
    "Pt resting comfortably; {rel} at bedside.",
    "{score}; bed alarm on, fall precautions in place.",
    "Administered {drug} per MAR at 0900.",
    "{pt_first} ambulated to bathroom with assist x1.",
    "{rel_word} {rel_first} called at 1130 asking for update; callback number {phone2}.",
    "Foley catheter draining clear yellow urine; {vital}.",
    "Wound care to sacrum done; {score}.",
    "Pt states she is {age_bare} and 'ready to go home'.",
    "Pleasant patient {age_decade}, oriented and cooperative.",
    "Endorsed to oncoming RN {nurse} at 1900.",
    "Charge nurse {nurse2} notified of {lab}.",
    "Pt asked that {rel} not be given information by phone.",
)  # fmt: skip

PHONE_BODY: Final[tuple[str, ...]] = (
    "{rel} called regarding {pt_formal}'s {drug} refill.",
    "Caller states the patient has had a cough since {weekday} and a fever of 101.",
    "Verified identity with DOB {dob} and address {street}.",
    "Advised to go to {facility} ED if worse; pharmacy fax {fax}.",
    "Pharmacy at {street2}, {other_city} called back at {fac_phone}.",
    "Message left on voicemail at {phone}.",
    "Patient asked to update e-mail to {email} and phone to {phone}.",
    "Insurance ({plan_name}) member ID {plan} confirmed; group number {group}.",
    "{doc} reviewed {lab} and recommends {drug}.",
    "Scheduled for {study} on {fu_date} at {facility2}.",
    "Patient logged in to the portal from IP {ip} on {date}.",
    "Claim {claim} for the visit on {date} was denied; account {acct}.",
)  # fmt: skip

RADIOLOGY_FINDINGS: Final[tuple[str, ...]] = (
    "{finding}",
    "{finding} Compared with prior study dated {date}.",
    "Pacemaker generator in the left chest wall (serial {serial}); leads intact.",
    "Surgical clips from prior {procedure}.",
    "No change since {date_partial}.",
    "Findings discussed with {doc} by telephone at {time} on {date}.",
    "{finding} Recommend follow-up {study} in 6 months.",
)  # fmt: skip

LETTER_BODY: Final[tuple[str, ...]] = (
    "Thank you for seeing my patient, {pt}, a {age} with {eponym} and {icd_text}.",
    "I last saw {pt_formal} on {date}, when {lab} and {vital} were noted.",
    "Current medications include {drug}, {drug} and {drug}.",
    "{pt_formal} tested positive for {gene} on {date}; {score}.",
    "The patient lives with {rel} at {addr} and can be reached at {phone}.",
    "Please send your recommendations to my office by fax ({fax}) or e-mail ({doc_email}).",
    "Records from {facility2} ({date_partial}) are enclosed.",
    "Prior workup includes {study} showing {finding}",
)  # fmt: skip

MISC: Final[tuple[str, ...]] = (
    "SSN on file: {ssn}.",
    "Medicare/insurance: {plan_name}, ID {plan}.",
    "Research: enrolled in the ACCORD-2 substudy, subject ID {study_id}.",
    "Implant card: {device_text}, UDI {udi}.",
    "Vehicle involved: VIN {vin}, license plate {plate}.",
    "Photo ID: driver's license {dl}.",
    "Telehealth session from IP address {ip}.",
    "Account {acct}; MRN {mrn}.",
    "Patient website/blog: {blog}",
    "Connected from {ip6} for the video visit.",
)  # fmt: skip

NEGATIVE_QUESTIONS: Final[tuple[str, ...]] = (
    "What is the max dose of {drug_name} in {eponym}?",
    "Is {lab} high for someone with {eponym}?",
    "Can {eponym} come back after 2 years?",
    "How long after a {procedure} can a patient eat?",
    "Does {gene} change screening age to 25?",
    "What does ICD-10 {icd} mean?",
    "Is {score} a reason to admit?",
    "Should a {young_age} with {eponym} take aspirin 81 mg?",
    "Difference between {eponym} and {eponym}?",
    "Best test for {sign} in the ED?",
    "Normal range for {lab_name} in adults?",
    "Is {drug} safe with {drug_name}?",
    "Will {drug_name} interact with grapefruit?",
    "May I take {drug_name} before a {study}?",
    "What does {code} stand for?",
    "How is {eponym} treated in {state_name}?",
    "Guidelines from {year} for {eponym}?",
    "Is {vital} normal after {procedure}?",
    "Mark the {sign} as positive or negative?",
    "How common is {gene} in {eponym}?",
    "Grace period for refilling {drug_name}?",
    "What is a {score}?",
    "Does {eponym} cause {sign}?",
    "Dose of {drug_name} for a {young_age} weighing 70 kg?",
    "Hope this {lab_name} result is fine, what next?",
    "Rose spots and {eponym}: related?",
    "When was the {procedure} first described?",
    "Is {code} covered for {eponym}?",
)  # fmt: skip

SHORT_QUERIES: Final[tuple[str, ...]] = (
    "My mother {rel_first_last} is {age}, can she take {drug_name} with {eponym}?",
    "Patient {pt} DOB {dob} has {lab}, what dose of {drug_name}?",
    "Call me at {phone} about my {study} results.",
    "MRN {mrn} - {eponym}, is {drug} appropriate?",
    "{pt_formal} seen at {facility} on {date} with {sign}; next step?",
    "Email {email} the {lab_name} results from {date_partial}.",
    "Is {score} bad for a {age}?",
    "My dad lives at {addr}; which ED is closest for {eponym}?",
    "{pt_first} {pt_last} ({ssn}) needs a refill of {drug_name}.",
    "What does {icd} mean for {pt_formal}, admitted {admit}?",
    "Fax the {study} report to {fax} for {pt}.",
    "Does {gene} matter for my son {rel_first}?",
    "Appointment with {doc} on {fu_date} about {eponym}?",
    "Our patient from {other_city}, {age}, with {lab}: admit?",
    "Insurance ID {plan} was rejected for {drug_name}, why?",
    "Pacemaker serial {serial} recall for {pt}?",
    "{pt} was in a crash, plate {plate}; any concern with {drug_name}?",
    "What is the normal {lab_name} range?",
    "Is {drug} safe in {eponym}?",
    "Can {pt_first} restart {drug_name} after the {procedure} on {weekday}?",
)  # fmt: skip

EXAM: Final[tuple[str, ...]] = (
    "General: elderly appearing, in no acute distress; {vital}.",
    "HEENT: PERRLA, EOMI, mucous membranes moist.",
    "Neck: JVP 9 cm; no carotid bruits.",
    "Cardiac: irregularly irregular rhythm, II/VI systolic murmur at the apex.",
    "Lungs: bibasilar crackles, no wheezes; {vital}.",
    "Abdomen: soft, non-tender, positive {sign}.",
    "Extremities: 2+ pitting edema to the knees bilaterally.",
    "Neuro: A&Ox3, CN II-XII intact, {sign} absent; {score}.",
    "Skin: stage 2 pressure injury over the sacrum, 3 x 2 cm.",
    "Labs notable for {lab}, {lab} and {lab}.",
    "EKG: atrial fibrillation at 112 bpm, QTc 468 ms.",
    "Tremor at rest consistent with {eponym}; on {drug}.",
    "Pain 6/10, improved to 3/10 after {drug}.",
    "Reviewed {code} results; {gene} negative.",
)  # fmt: skip

HEADER_EXTRA: Final[tuple[str, ...]] = (
    "SSN: {ssn}",
    "Insurance: {plan_name}  Member ID: {plan}",
    "Address: {addr}",
    "PCP: {doc3}",
    "County of residence: {county}",
    "Home phone: {phone}   E-mail: {email}",
    "Account #: {acct}",
    "Emergency contact: {rel} {phone2}",
)  # fmt: skip
