"""The SHA-256 of every source text, pinned in code: the corpus never changes.

``kharkiv-ie check-data`` refuses a text whose hash differs from its pin, whatever its metadata
records, so a text and its metadata cannot be changed together unnoticed. The Wikinews pins were
copied from the metadata written at import (``scripts/import_wikinews.py``), which records the
hash of KIND's detokenised passage.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

PINNED_SHA256: Mapping[str, str] = MappingProxyType(
    {
        "kharkiv-001": "44742250a7db6f65914eef2f61a5fd67186c04d151ab44b4c5acd439b9a3813b",
        "wn-001": "96183ec83adeb470f5bcebd318127b50329d79dbe2bae829e1016b048ac784df",
        "wn-002": "0d18e86405039eeb65bb775f78bfb039e9b98e5e143faebb6fd91ebf9282ff95",
        "wn-003": "c9d74449c684b732fcf896aad58e8f374c27fc6d3979b7d40baddac6ba88f5d9",
        "wn-004": "211adcd214b7fae66c75b9dfcfaa13acb51f8ffc1b7d37c5bacdaf882041737f",
        "wn-005": "c6d44935a108511a8aa35793b0f7fa07cc891f8f11bf1e417527357dc4db371b",
        "wn-006": "d051bdc160231cd46fab83c3074d75496f2e86c2718234ffe19eda9f5416c029",
        "wn-007": "12430e7a33f8e28d980526bf931fcf288776187429262f55274a817fc204134d",
        "wn-008": "9baa774a9f1ea22349830996d7101002b0c93e260930f77398057362c1dc6fb3",
        "wn-009": "ffc956b371d4556863fd2eb8e0a0e9204443a07f9be3ce5afe5c2920fb205397",
        "wn-010": "24276a41af32a028fa0ec542df6aba3cb6c3b260b882dc30b118ddd9854cf01f",
        "wn-011": "0af255082ee65f57a9d89a0fb45bfb7d87711610f708b823db2328c00ecb5c1b",
        "wn-012": "15a88d87a7e6d17d95a4f58527ab2fb589d5bdbb5660abfc68ec84d135a09834",
        "wn-013": "3bd8305e4b2bcea136e189ef80928b7253ba07383ddfac63371d5c977a7f87bd",
        "wn-014": "f3949b8e8bc12c58ac71b4851138af5da3a644315489eb3195ea898f02d7ac83",
        "wn-015": "98d3317c181923a517b4847ca4c9fef1208f804776a2cf6dc431ae5445d687f2",
        "wn-016": "bba07c63c35c2598aefd67e6356808221344480f12fdb8a4cbb0fcc365805261",
        "wn-017": "65a970ba2bb385f3f684c0053a5ee53d90c64a49d2f45c27ba9d9505d81c25a7",
        "wn-018": "13e4bedfe1a552ddab71645d0ace2459b567ae5ddd28e4727f4fcc979168ec3e",
        "wn-019": "dc11475fb2b259b990d8ecdbaec7d9104122595b09da1267faca0afc02c66b68",
        "wn-020": "0751f89273c7c4d752383730a27dffcd6d78e7981208cdef8305d7e69ac96a8c",
        "wn-021": "2face5b8c23db0b3752a1c3dfe2aab34502260094d182d085cd95622e3224dc5",
        "wn-022": "2a612aa5643efc1a4846446568367250359f02af5fb479da391f9ac07a734da3",
        "wn-023": "46eca9be7bc97c4362dc11361c1d55488ce942e87be87ec6fa69c15293434f24",
        "wn-024": "84f9b18d866aa032d16fe1fa036b447a74ac5bbd6a3bcb3f502cbaf2a0bffb72",
        "wn-025": "a0835da4bb475420bbf143b3cd93216891933770e8f341fc73233ac6e32b0bd7",
        "wn-026": "916eb636e67952ccc0c7532dea76ac6706a5cc3503afd799fd70e322a708f255",
        "wn-027": "3f08e0fa3e6aed989df7cf7fab3d3d014462f24f49f45740066b69a95526210b",
        "wn-028": "fde22377c15a196df285894ded77f34da9ef30a05f307b2c6d4d7d515a500c72",
        "wn-029": "81078e2b45b787155ccb7744a39d84fe88c041c9d2931d5f9f3949a381e75699",
        "wn-030": "987f3bf2bff3f32e25c7ba6e0ab69ccd9e7bcc581962c09fb4861b827b06204a",
        "wn-031": "90b685c15fb2a2579fb5046865a2b944febaae1849a443bbdbe52ebcbcdae0b2",
        "wn-032": "5b0e07f12d094ce945e3f2abf79a440867a42440ff593549ab806b894e93ebc7",
        "wn-033": "552297e771ffee6637134ebe8e86103c52d0c1cfb4f8df2f2295788670dc3c31",
        "wn-034": "e50a58a93b9077e2d1fa372a6a81e92248c4cbbfcf3ad22cdc2fdc90fe4d2815",
        "wn-035": "c3d897b9d957e287be5f22acad318d28133d8845e80eb5ed7e8417424884ccf1",
        "wn-036": "6f273425e2717d7815b7d594d40a6fa171a424c6130274679bb58cde4ae3f3c2",
        "wn-037": "fc5b41c49f0020fbf02b1f36b5ee169dbcde73feba99cd194e82ccde09a13fd6",
        "wn-038": "177164626450167bb2c4704aef8654560e72b0687845629e5b1f38f004850e13",
        "wn-039": "c39865bebe528cc0d866ce0fb18466e9979ad53948253675fbd50a7ebf62a285",
        "wn-040": "00d7b0677b95e2e1e0fb8d5ff6330e2522460f39c6431ae23ed62f56345b62a9",
        "wn-041": "d5c5b92b41e1c4f28ace1fbab431bdf20f009ee85e7166f7aa37c57ee164f5a7",
        "wn-042": "6249b943a15686ee2a772134f4fc03dbf225a2c8efa61c81ab2f276321cc274e",
        "wn-043": "79fcb8251e31d4a65e41fbbfb1e6a29276ba0a4a429ad514c9f8f20744ecc67f",
        "wn-044": "6ef6ddb08ba9b852767eef72a127a10e1739f4e53e9b8c22b62364eac6d948eb",
        "wn-045": "f810405f377f8180717242adafe6e496fe400d6389ae91bd8258449e211967b3",
        "wn-046": "9f43f75ba64b98a85fa1ab70d3bdbf090adba20c451f3fedcdba8d91852ce8b9",
        "wn-047": "e96aac1ca184064846f70d5cb6ea9af82fa573cb4d247e7cda12cf6804c7889b",
        "wn-048": "812cb6bda024b9abddf96ebbb96c76eaf792d850d59fb7d07252a5c7dd7cb559",
    }
)
"""doc_id -> SHA-256 of its source text (UTF-8 bytes)."""
