// Generated from contexts/pins.json by ContextEmbeddingTests; edit that file and run
// MEDCRED_EMBED_CONTEXTS=1 swift test --filter ContextEmbeddingTests, never edit this one.

extension MedCredContexts {
    /// The text of `contexts/pins.json`: every JSON-LD context MedCred accepts, by URL, cache file and
    /// SHA-256 (parsed as ``pins``).
    public static let pinsText: String = #"""
        {
          "contexts": [
            {
              "url": "https://schemas.medcred.dev/contexts/credentials/v1.jsonld",
              "file": "medcred-credentials-v1.jsonld",
              "sha256": "b5180a7a274f0f75e7cc856032f06cf6a7e089fd4f1b3295a6dbba1a51dffb39",
              "source": "MedCred: contexts/medcred-credentials-v1.jsonld",
              "embedded": true
            },
            {
              "url": "https://w3id.org/security/data-integrity/v1",
              "file": "data-integrity-v1.jsonld",
              "sha256": "b5d829bd09aa7c42abc6efa0c8ed7635313b5487f37ccfce3ecd149ca9418554",
              "source": "w3c/vc-data-integrity/contexts/data-integrity/v1@570d764182aa915427da16bdd4514af874fb86ed"
            },
            {
              "url": "https://w3id.org/security/data-integrity/v2",
              "file": "data-integrity-v2.jsonld",
              "sha256": "67f21e6e33a6c14e5ccfd2fc7865f7474fb71a04af7e94136cb399dfac8ae8f4",
              "source": "w3c/vc-data-integrity/contexts/data-integrity/v2@570d764182aa915427da16bdd4514af874fb86ed"
            },
            {
              "url": "https://w3id.org/security/jwk/v1",
              "file": "jwk-v1.jsonld",
              "sha256": "0f14b62f6071aafe00df265770ea0c7508e118247d79b7d861a406d2aa00bece",
              "source": "w3c/vc-data-integrity/contexts/jwk/v1@570d764182aa915427da16bdd4514af874fb86ed"
            },
            {
              "url": "https://w3id.org/security/multikey/v1",
              "file": "multikey-v1.jsonld",
              "sha256": "ba2c182de2d92f7e47184bcca8fcf0beaee6d3986c527bf664c195bbc7c58597",
              "source": "w3c/vc-data-integrity/contexts/multikey/v1@570d764182aa915427da16bdd4514af874fb86ed"
            },
            {
              "url": "https://w3id.org/security/suites/ed25519-2020/v1",
              "file": "ed25519-signature-2020-v1.jsonld",
              "sha256": "b9e1ab971fd8bf2c7553e0c4a9438e0b9450afde1ea1ca5b2492368b9f549588",
              "source": "digitalbazaar/ed25519-signature-2020-context/contexts/ed25519-signature-2020-v1.jsonld@e19889b4d116fe62e1a866b9ab6fa80a404401f5"
            },
            {
              "url": "https://w3id.org/vc/status-list/2021/v1",
              "file": "status-list-2021-v1.jsonld",
              "sha256": "6dd06a52bedb771e059c1083ba8ba7848dce22f6b4a8cfa0b98ba3fc188870e4",
              "source": "w3c/vc-bitstring-status-list/contexts/2021/v1.jsonld@74fcae11e5b389aa44d1b7d3f84ee079eaa169a4"
            },
            {
              "url": "https://www.w3.org/2018/credentials/v1",
              "file": "credentials-v1.jsonld",
              "sha256": "ab4ddd9a531758807a79a5b450510d61ae8d147eab966cc9a200c07095b0cdcc",
              "source": "w3c/vc-data-model/contexts/credentials/v1@979c4af1cfe2224ed7b0ee5ec4d7a009a465812b"
            },
            {
              "url": "https://www.w3.org/ns/credentials/examples/v2",
              "file": "credentials-examples-v2.jsonld",
              "sha256": "57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c",
              "source": "w3c/vc-data-model/contexts/credentials/examples/v2@979c4af1cfe2224ed7b0ee5ec4d7a009a465812b"
            },
            {
              "url": "https://www.w3.org/ns/credentials/status/v1",
              "file": "credentials-status-v1.jsonld",
              "sha256": "fda5add353231e6a6884a46b12e6c75464281900cb348284d9c360f62381d9f7",
              "source": "w3c/vc-bitstring-status-list/contexts/v1.jsonld@74fcae11e5b389aa44d1b7d3f84ee079eaa169a4"
            },
            {
              "url": "https://www.w3.org/ns/credentials/v2",
              "file": "credentials-v2.jsonld",
              "sha256": "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734",
              "source": "w3c/vc-data-model/contexts/credentials/v2@979c4af1cfe2224ed7b0ee5ec4d7a009a465812b"
            },
            {
              "url": "https://www.w3.org/ns/did/v1",
              "file": "did-v1.jsonld",
              "sha256": "4f3eae5568c9c5f036a082088f9e192019ee06faa78973c87ff91d5421b88dad",
              "source": "w3c/did/context/v1@13626ba6aac95eeaf10267daf4522c7973661355"
            },
            {
              "url": "https://www.w3.org/ns/did/v1.1",
              "file": "did-v1.1rc1.jsonld",
              "sha256": "ea216ecc1cb02cd39b693dba2250141e270ba0bf95890be107dd9a9e8e43de85",
              "source": "w3c/did/context/v1.1rc1@13626ba6aac95eeaf10267daf4522c7973661355"
            }
          ]
        }

        """#
}
