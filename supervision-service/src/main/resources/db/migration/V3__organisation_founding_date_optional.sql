-- roles-service publishes organisations whose founding date the reference data does not record.
ALTER TABLE organisation ALTER COLUMN valid_from DROP NOT NULL;
