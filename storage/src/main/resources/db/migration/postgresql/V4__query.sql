-- Custos index, schema 4: indexes for the query services (QIDO-RS), docs/formats/index.md.
-- V2 and V3 belong to other features; this migration only adds indexes, no columns.

-- studiesByDate: Study Date ranges without opening sealed attributes.
CREATE INDEX studies_date ON studies (study_date);

-- seriesByModality: Modality and ModalitiesInStudy matching without opening sealed attributes.
CREATE INDEX series_modality ON series (modality);
