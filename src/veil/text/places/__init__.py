"""Cities, facilities and other named places in text.

- Facilities: capitalized words before a facility word ('St. Mary's Hospital',
  'Mercy Clinic', 'Riverside Nursing and Rehabilitation Center', 'University of
  Iowa Hospitals'); a facility made only of generic words ('the Emergency
  Department', 'Cardiology Clinic') is not identifying and is not matched.
- Cities: runs of capitalized words found in the place gazetteer (GeoNames US
  places of 5,000+ people, `veil.detect.vocab.us_places`). A multi-word place is a
  city wherever it stands; a one-word place needs place context ('lives in',
  'from', 'moved to', ', TX', 'area') unless it is neither a dictionary name nor an
  everyday word. A 'City, ST' pair is a city whatever the gazetteer says.
States are never emitted (not identifying under Safe Harbor).

The rules live in one module per family (all private; import from this package):

- `vocabulary`: generic facility words, services, units, countries and regions
  (`COUNTRY_OR_REGION`), and the eponym check for place names;
- `base`: the lexicon and the tests for words that cannot name a place (`_PlaceBase`);
- `facilities`: facilities named by a facility word or by a verb of care before them;
- `practices`: practices, pharmacies, brands and chains, acronyms and employers;
- `cities`: gazetteer cities and towns, 'City, ST', town shapes, a ZIP code after a place;
- `lower`: places and facilities written in lower case (chat);
- `finder`: `PlaceFinder`, which joins them.
"""

from __future__ import annotations

from veil.text.places.facilities import FACILITY_SHORT_NAMES, TOWN_AFTER_FACILITY
from veil.text.places.finder import PlaceFinder
from veil.text.places.vocabulary import (
    COUNTRY_OR_REGION,
    countries_and_languages,
    names_a_rule_after,
)

__all__ = ["COUNTRY_OR_REGION", "FACILITY_SHORT_NAMES", "TOWN_AFTER_FACILITY", "PlaceFinder",
           "countries_and_languages", "names_a_rule_after"]
