-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "region_level" AS ENUM ('city', 'county', 'township');

-- CreateEnum
CREATE TYPE "ownership" AS ENUM ('public', 'private');

-- CreateEnum
CREATE TYPE "identifier_type" AS ENUM ('resident_id', 'household_register', 'passport', 'health_card', 'insurance', 'patient_id', 'other');

-- CreateEnum
CREATE TYPE "vital_status" AS ENUM ('alive', 'deceased', 'unknown');

-- CreateEnum
CREATE TYPE "link_method" AS ENUM ('exact_id', 'probabilistic', 'manual', 'new_person');

-- CreateEnum
CREATE TYPE "link_status" AS ENUM ('linked', 'review', 'rejected');

-- CreateEnum
CREATE TYPE "review_status" AS ENUM ('pending', 'accepted', 'rejected');

-- CreateEnum
CREATE TYPE "encounter_type" AS ENUM ('outpatient', 'emergency', 'inpatient');

-- CreateEnum
CREATE TYPE "ingest_channel" AS ENUM ('rest', 'fhir');

-- CreateEnum
CREATE TYPE "batch_status" AS ENUM ('queued', 'processing', 'done', 'failed');

-- CreateEnum
CREATE TYPE "record_outcome_status" AS ENUM ('accepted', 'rejected', 'stored', 'linked', 'review', 'parked', 'failed', 'noop');

-- CreateEnum
CREATE TYPE "quality_dimension" AS ENUM ('completeness', 'consistency', 'integration', 'timeliness', 'uniqueness');

-- CreateEnum
CREATE TYPE "severity" AS ENUM ('error', 'warning', 'info');

-- CreateEnum
CREATE TYPE "interconnection_status" AS ENUM ('online', 'delayed', 'silent', 'never');

-- CreateEnum
CREATE TYPE "indicator_attribute" AS ENUM ('binding', 'expected');

-- CreateEnum
CREATE TYPE "indicator_direction" AS ENUM ('increase', 'decrease', 'target');

-- CreateEnum
CREATE TYPE "indicator_source" AS ENUM ('computed', 'entered');

-- CreateEnum
CREATE TYPE "staff_role" AS ENUM ('admin', 'analyst', 'quality_officer', 'clinician', 'auditor', 'institution_operator');

-- CreateEnum
CREATE TYPE "actor_type" AS ENUM ('staff', 'institution', 'system', 'anonymous');

-- CreateTable
CREATE TABLE "regions" (
    "code" VARCHAR(12) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "level" "region_level" NOT NULL,
    "parent_code" VARCHAR(12),

    CONSTRAINT "regions_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "institutions" (
    "id" UUID NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "code_type" VARCHAR(16) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "level" VARCHAR(16) NOT NULL,
    "type" VARCHAR(40) NOT NULL,
    "ownership" "ownership" NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "township_code" VARCHAR(12),
    "address" VARCHAR(200),
    "emr_level" SMALLINT,
    "interop_level" VARCHAR(32),
    "is_internet_hospital" BOOLEAN NOT NULL DEFAULT false,
    "is_smart_hospital" BOOLEAN NOT NULL DEFAULT false,
    "on_health_private_network" BOOLEAN NOT NULL DEFAULT false,
    "has_remote_care" BOOLEAN NOT NULL DEFAULT false,
    "has_convenience_services" BOOLEAN NOT NULL DEFAULT false,
    "has_digital_imaging" BOOLEAN NOT NULL DEFAULT false,
    "security_assessed" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "institutions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "institution_datasets" (
    "institution_id" UUID NOT NULL,
    "dataset" VARCHAR(40) NOT NULL,
    "cadence_hours" INTEGER NOT NULL DEFAULT 24,
    "timeliness_hours" INTEGER NOT NULL DEFAULT 24,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "expected_since" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "institution_datasets_pkey" PRIMARY KEY ("institution_id","dataset")
);

-- CreateTable
CREATE TABLE "departments" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "standard_code" VARCHAR(20),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "departments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "practitioners" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "category" VARCHAR(20) NOT NULL,
    "title" VARCHAR(40),
    "department_code" VARCHAR(40),
    "licence_no" VARCHAR(40),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "practitioners_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resource_reports" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "source_id" VARCHAR(128) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "source_updated_at" TIMESTAMPTZ(3),
    "batch_id" UUID,
    "master_person_id" BIGINT,
    "period_start" DATE NOT NULL,
    "beds_approved" INTEGER,
    "beds_open" INTEGER,
    "occupied_bed_days" INTEGER,
    "open_bed_days" INTEGER,
    "staff_total" INTEGER,
    "doctors" INTEGER,
    "nurses" INTEGER,
    "pharmacists" INTEGER,
    "technicians" INTEGER,
    "other_staff" INTEGER,
    "large_equipment" JSONB,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "extra" JSONB,

    CONSTRAINT "resource_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "master_persons" (
    "id" BIGSERIAL NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "name_pinyin" VARCHAR(120),
    "sex" VARCHAR(1) NOT NULL,
    "birth_date" DATE,
    "ethnicity" VARCHAR(2),
    "marital_status" VARCHAR(2),
    "phone" VARCHAR(20),
    "region_code" VARCHAR(12),
    "address" VARCHAR(200),
    "vital_status" "vital_status" NOT NULL DEFAULT 'alive',
    "death_date" DATE,
    "id_number_enc" TEXT,
    "id_number_bidx" VARCHAR(64),
    "merged_into_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "master_persons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_identifiers" (
    "id" BIGSERIAL NOT NULL,
    "master_person_id" BIGINT NOT NULL,
    "type" "identifier_type" NOT NULL,
    "issuer" VARCHAR(64) NOT NULL DEFAULT '',
    "doc_type_code" VARCHAR(4),
    "value_enc" TEXT NOT NULL,
    "value_bidx" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "person_identifiers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_links" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "dataset" VARCHAR(40) NOT NULL,
    "source_id" VARCHAR(128) NOT NULL,
    "master_person_id" BIGINT,
    "score" DOUBLE PRECISION,
    "method" "link_method" NOT NULL,
    "status" "link_status" NOT NULL DEFAULT 'linked',
    "batch_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "person_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "match_reviews" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "dataset" VARCHAR(40) NOT NULL,
    "source_id" VARCHAR(128) NOT NULL,
    "batch_id" UUID,
    "candidate_master_person_id" BIGINT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "comparisons" JSONB NOT NULL,
    "incoming" JSONB,
    "status" "review_status" NOT NULL DEFAULT 'pending',
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "match_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_merges" (
    "id" BIGSERIAL NOT NULL,
    "survivor_id" BIGINT NOT NULL,
    "merged_id" BIGINT NOT NULL,
    "moved_links" JSONB NOT NULL,
    "reason" TEXT,
    "merged_by" UUID,
    "merged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undone_at" TIMESTAMPTZ(3),
    "undone_by" UUID,

    CONSTRAINT "person_merges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "health_records" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "source_id" VARCHAR(128) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "source_updated_at" TIMESTAMPTZ(3),
    "batch_id" UUID,
    "master_person_id" BIGINT,
    "established_at" TIMESTAMPTZ(3) NOT NULL,
    "archive_no" VARCHAR(32),
    "responsible_doctor" VARCHAR(50),
    "region_code" VARCHAR(12),
    "status" VARCHAR(16) NOT NULL DEFAULT 'active',
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "extra" JSONB,

    CONSTRAINT "health_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chronic_registrations" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "source_id" VARCHAR(128) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "source_updated_at" TIMESTAMPTZ(3),
    "batch_id" UUID,
    "master_person_id" BIGINT,
    "disease" VARCHAR(32) NOT NULL,
    "registered_at" TIMESTAMPTZ(3) NOT NULL,
    "icd10" VARCHAR(16),
    "diagnosis_date" DATE,
    "status" VARCHAR(16) NOT NULL DEFAULT 'active',
    "closed_at" TIMESTAMPTZ(3),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "extra" JSONB,

    CONSTRAINT "chronic_registrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chronic_followups" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "source_id" VARCHAR(128) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "source_updated_at" TIMESTAMPTZ(3),
    "batch_id" UUID,
    "master_person_id" BIGINT,
    "disease" VARCHAR(32) NOT NULL,
    "followup_at" TIMESTAMPTZ(3) NOT NULL,
    "way" VARCHAR(16),
    "sbp" SMALLINT,
    "dbp" SMALLINT,
    "fasting_glucose" DECIMAL(5,2),
    "classification" VARCHAR(32),
    "doctor_name" VARCHAR(50),
    "next_followup_at" DATE,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "extra" JSONB,

    CONSTRAINT "chronic_followups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "immunizations" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "source_id" VARCHAR(128) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "source_updated_at" TIMESTAMPTZ(3),
    "batch_id" UUID,
    "master_person_id" BIGINT,
    "vaccine_code" VARCHAR(20) NOT NULL,
    "vaccine_name" VARCHAR(100),
    "dose_number" SMALLINT,
    "administered_at" TIMESTAMPTZ(3) NOT NULL,
    "lot_number" VARCHAR(40),
    "manufacturer" VARCHAR(100),
    "site" VARCHAR(40),
    "route" VARCHAR(40),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "extra" JSONB,

    CONSTRAINT "immunizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "family_doctor_contracts" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "source_id" VARCHAR(128) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "source_updated_at" TIMESTAMPTZ(3),
    "batch_id" UUID,
    "master_person_id" BIGINT,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,
    "team_code" VARCHAR(40),
    "team_name" VARCHAR(100),
    "doctor_name" VARCHAR(50),
    "valid_from" DATE,
    "valid_to" DATE,
    "service_package" VARCHAR(100),
    "status" VARCHAR(16) NOT NULL DEFAULT 'active',
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "extra" JSONB,

    CONSTRAINT "family_doctor_contracts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "encounters" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "source_id" VARCHAR(128) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "source_updated_at" TIMESTAMPTZ(3),
    "batch_id" UUID,
    "master_person_id" BIGINT,
    "type" "encounter_type" NOT NULL,
    "visit_no" VARCHAR(40),
    "medical_record_no" VARCHAR(40),
    "start_at" TIMESTAMPTZ(3) NOT NULL,
    "end_at" TIMESTAMPTZ(3),
    "department_code" VARCHAR(40),
    "department_name" VARCHAR(100),
    "attending_doctor" VARCHAR(50),
    "admission_way" VARCHAR(8),
    "discharge_way" VARCHAR(8),
    "length_of_stay_days" INTEGER,
    "total_cost" DECIMAL(12,2),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "extra" JSONB,

    CONSTRAINT "encounters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "encounter_diagnoses" (
    "id" BIGSERIAL NOT NULL,
    "encounter_id" BIGINT NOT NULL,
    "master_person_id" BIGINT,
    "seq" SMALLINT NOT NULL DEFAULT 0,
    "code" VARCHAR(20) NOT NULL,
    "name" VARCHAR(200),
    "is_primary" BOOLEAN NOT NULL DEFAULT false,
    "kind" VARCHAR(16),

    CONSTRAINT "encounter_diagnoses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lab_reports" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "source_id" VARCHAR(128) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "source_updated_at" TIMESTAMPTZ(3),
    "batch_id" UUID,
    "master_person_id" BIGINT,
    "encounter_id" BIGINT,
    "encounter_source_id" VARCHAR(128),
    "report_no" VARCHAR(40),
    "specimen" VARCHAR(40),
    "collected_at" TIMESTAMPTZ(3),
    "reported_at" TIMESTAMPTZ(3) NOT NULL,
    "department_name" VARCHAR(100),
    "ordering_doctor" VARCHAR(50),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "extra" JSONB,

    CONSTRAINT "lab_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lab_results" (
    "id" BIGSERIAL NOT NULL,
    "lab_report_id" BIGINT NOT NULL,
    "master_person_id" BIGINT,
    "seq" SMALLINT NOT NULL DEFAULT 0,
    "item_code" VARCHAR(40) NOT NULL,
    "item_name" VARCHAR(100),
    "value" VARCHAR(200),
    "numeric_value" DECIMAL(18,6),
    "unit" VARCHAR(32),
    "reference_range" VARCHAR(64),
    "abnormal_flag" VARCHAR(4),

    CONSTRAINT "lab_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exam_reports" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "source_id" VARCHAR(128) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "source_updated_at" TIMESTAMPTZ(3),
    "batch_id" UUID,
    "master_person_id" BIGINT,
    "encounter_id" BIGINT,
    "encounter_source_id" VARCHAR(128),
    "report_no" VARCHAR(40),
    "modality" VARCHAR(16),
    "body_part" VARCHAR(100),
    "exam_at" TIMESTAMPTZ(3),
    "reported_at" TIMESTAMPTZ(3) NOT NULL,
    "findings" TEXT,
    "conclusion" TEXT,
    "is_abnormal" BOOLEAN,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "extra" JSONB,

    CONSTRAINT "exam_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prescriptions" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "source_id" VARCHAR(128) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "source_updated_at" TIMESTAMPTZ(3),
    "batch_id" UUID,
    "master_person_id" BIGINT,
    "encounter_id" BIGINT,
    "encounter_source_id" VARCHAR(128),
    "prescription_no" VARCHAR(40),
    "prescribed_at" TIMESTAMPTZ(3) NOT NULL,
    "department_name" VARCHAR(100),
    "doctor_name" VARCHAR(50),
    "kind" VARCHAR(20),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "extra" JSONB,

    CONSTRAINT "prescriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prescription_items" (
    "id" BIGSERIAL NOT NULL,
    "prescription_id" BIGINT NOT NULL,
    "master_person_id" BIGINT,
    "seq" SMALLINT NOT NULL DEFAULT 0,
    "drug_code" VARCHAR(40),
    "drug_name" VARCHAR(200) NOT NULL,
    "spec" VARCHAR(100),
    "dose" VARCHAR(40),
    "route" VARCHAR(40),
    "frequency" VARCHAR(40),
    "days" SMALLINT,
    "quantity" DECIMAL(12,3),
    "quantity_unit" VARCHAR(20),

    CONSTRAINT "prescription_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disease_reports" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "source_id" VARCHAR(128) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "source_updated_at" TIMESTAMPTZ(3),
    "batch_id" UUID,
    "master_person_id" BIGINT,
    "card_no" VARCHAR(40),
    "disease_code" VARCHAR(32),
    "disease_name" VARCHAR(100),
    "icd10" VARCHAR(20),
    "case_classification" VARCHAR(16),
    "onset_date" DATE,
    "diagnosis_date" DATE NOT NULL,
    "reported_at" TIMESTAMPTZ(3) NOT NULL,
    "final_review_at" TIMESTAMPTZ(3),
    "outcome" VARCHAR(16),
    "death_date" DATE,
    "address_region_code" VARCHAR(12),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "extra" JSONB,

    CONSTRAINT "disease_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_batches" (
    "id" UUID NOT NULL,
    "institution_id" UUID NOT NULL,
    "dataset" VARCHAR(40) NOT NULL,
    "channel" "ingest_channel" NOT NULL DEFAULT 'rest',
    "status" "batch_status" NOT NULL DEFAULT 'queued',
    "received" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "stored" INTEGER NOT NULL DEFAULT 0,
    "linked" INTEGER NOT NULL DEFAULT 0,
    "in_review" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "request_id" VARCHAR(64),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "ingest_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_inbox" (
    "batch_id" UUID NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingest_inbox_pkey" PRIMARY KEY ("batch_id")
);

-- CreateTable
CREATE TABLE "record_outcomes" (
    "batch_id" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "source_id" VARCHAR(128),
    "status" "record_outcome_status" NOT NULL,
    "errors" JSONB,
    "master_person_id" BIGINT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "record_outcomes_pkey" PRIMARY KEY ("batch_id","index")
);

-- CreateTable
CREATE TABLE "parked_records" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "dataset" VARCHAR(40) NOT NULL,
    "source_id" VARCHAR(128) NOT NULL,
    "batch_id" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "parent_dataset" VARCHAR(40) NOT NULL,
    "parent_source_id" VARCHAR(128) NOT NULL,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retry_after" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "parked_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quality_findings" (
    "id" BIGSERIAL NOT NULL,
    "institution_id" UUID NOT NULL,
    "dataset" VARCHAR(40) NOT NULL,
    "source_id" VARCHAR(128),
    "batch_id" UUID,
    "record_index" INTEGER,
    "rule_code" VARCHAR(40) NOT NULL,
    "dimension" "quality_dimension" NOT NULL,
    "severity" "severity" NOT NULL,
    "path" VARCHAR(200),
    "day" DATE NOT NULL,
    "master_person_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quality_findings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_daily_rollups" (
    "institution_id" UUID NOT NULL,
    "dataset" VARCHAR(40) NOT NULL,
    "day" DATE NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "delay_p50_seconds" INTEGER,
    "delay_p90_seconds" INTEGER,
    "delay_histogram" JSONB,
    "within_timeliness" INTEGER NOT NULL DEFAULT 0,
    "last_received_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingest_daily_rollups_pkey" PRIMARY KEY ("institution_id","dataset","day")
);

-- CreateTable
CREATE TABLE "quality_daily_rollups" (
    "institution_id" UUID NOT NULL,
    "dataset" VARCHAR(40) NOT NULL,
    "day" DATE NOT NULL,
    "dimension" "quality_dimension" NOT NULL,
    "numerator" INTEGER NOT NULL DEFAULT 0,
    "denominator" INTEGER NOT NULL DEFAULT 0,
    "records" INTEGER NOT NULL DEFAULT 0,
    "passed" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quality_daily_rollups_pkey" PRIMARY KEY ("institution_id","dataset","day","dimension")
);

-- CreateTable
CREATE TABLE "institution_dataset_status" (
    "institution_id" UUID NOT NULL,
    "dataset" VARCHAR(40) NOT NULL,
    "status" "interconnection_status" NOT NULL DEFAULT 'never',
    "last_received_at" TIMESTAMPTZ(3),
    "status_since" TIMESTAMPTZ(3),
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "institution_dataset_status_pkey" PRIMARY KEY ("institution_id","dataset")
);

-- CreateTable
CREATE TABLE "kpi_rollups" (
    "id" BIGSERIAL NOT NULL,
    "indicator_code" VARCHAR(40) NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "institution_id" VARCHAR(36) NOT NULL DEFAULT '',
    "period" VARCHAR(10) NOT NULL,
    "numerator" DECIMAL(20,4) NOT NULL,
    "denominator" DECIMAL(20,4) NOT NULL,
    "value" DECIMAL(20,6),
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kpi_rollups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicators" (
    "code" VARCHAR(40) NOT NULL,
    "name_zh" VARCHAR(200) NOT NULL,
    "name_en" VARCHAR(200) NOT NULL,
    "definition" TEXT,
    "numerator" TEXT,
    "denominator" TEXT,
    "unit" VARCHAR(20),
    "category" VARCHAR(20) NOT NULL DEFAULT 'plan',
    "baseline_year" SMALLINT,
    "baseline_value" DECIMAL(20,6),
    "baseline_text" VARCHAR(100),
    "target_year" SMALLINT,
    "target_value" DECIMAL(20,6),
    "target_text" VARCHAR(100),
    "attribute" "indicator_attribute" NOT NULL,
    "direction" "indicator_direction" NOT NULL,
    "source" "indicator_source" NOT NULL,
    "cuts" JSONB NOT NULL DEFAULT '[]',
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "indicators_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "indicator_entries" (
    "id" BIGSERIAL NOT NULL,
    "indicator_code" VARCHAR(40) NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "institution_id" UUID,
    "period" VARCHAR(10) NOT NULL,
    "value" DECIMAL(20,6) NOT NULL,
    "numerator" DECIMAL(20,4),
    "denominator" DECIMAL(20,4),
    "entered_by" UUID NOT NULL,
    "entered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "evidence" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "indicator_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_users" (
    "id" UUID NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "display_name" VARCHAR(100) NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "staff_role" NOT NULL,
    "region_scope" VARCHAR(12),
    "institution_id" UUID,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "last_login_at" TIMESTAMPTZ(3),
    "password_changed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "staff_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" VARCHAR(128) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3),
    "ip" VARCHAR(64),
    "user_agent" VARCHAR(400),

    CONSTRAINT "staff_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "institution_credentials" (
    "id" UUID NOT NULL,
    "institution_id" UUID NOT NULL,
    "label" VARCHAR(100),
    "key_prefix" VARCHAR(32) NOT NULL,
    "key_hash" VARCHAR(128) NOT NULL,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "institution_credentials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" "actor_type" NOT NULL,
    "actor_id" VARCHAR(64),
    "action" VARCHAR(64) NOT NULL,
    "resource_type" VARCHAR(64),
    "resource_id" VARCHAR(128),
    "master_person_id" BIGINT,
    "purpose" VARCHAR(40),
    "ip" VARCHAR(64),
    "details" JSONB,
    "prev_hash" VARCHAR(128),
    "hash" VARCHAR(128) NOT NULL,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consents" (
    "id" BIGSERIAL NOT NULL,
    "master_person_id" BIGINT NOT NULL,
    "institution_id" UUID NOT NULL,
    "scope" VARCHAR(40) NOT NULL,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "recorded_by" UUID,
    "evidence" TEXT,

    CONSTRAINT "consents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "regions_parent_code_idx" ON "regions"("parent_code");

-- CreateIndex
CREATE INDEX "regions_level_idx" ON "regions"("level");

-- CreateIndex
CREATE UNIQUE INDEX "institutions_code_key" ON "institutions"("code");

-- CreateIndex
CREATE INDEX "institutions_region_code_ownership_idx" ON "institutions"("region_code", "ownership");

-- CreateIndex
CREATE INDEX "institutions_township_code_idx" ON "institutions"("township_code");

-- CreateIndex
CREATE INDEX "institutions_type_idx" ON "institutions"("type");

-- CreateIndex
CREATE INDEX "institution_datasets_dataset_idx" ON "institution_datasets"("dataset");

-- CreateIndex
CREATE UNIQUE INDEX "departments_institution_id_code_key" ON "departments"("institution_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "practitioners_institution_id_code_key" ON "practitioners"("institution_id", "code");

-- CreateIndex
CREATE INDEX "resource_reports_institution_id_period_start_idx" ON "resource_reports"("institution_id", "period_start");

-- CreateIndex
CREATE INDEX "resource_reports_period_start_idx" ON "resource_reports"("period_start");

-- CreateIndex
CREATE UNIQUE INDEX "resource_reports_institution_id_source_id_key" ON "resource_reports"("institution_id", "source_id");

-- CreateIndex
CREATE INDEX "master_persons_id_number_bidx_idx" ON "master_persons"("id_number_bidx");

-- CreateIndex
CREATE INDEX "master_persons_birth_date_sex_idx" ON "master_persons"("birth_date", "sex");

-- CreateIndex
CREATE INDEX "master_persons_name_pinyin_idx" ON "master_persons"("name_pinyin");

-- CreateIndex
CREATE INDEX "master_persons_phone_idx" ON "master_persons"("phone");

-- CreateIndex
CREATE INDEX "master_persons_region_code_idx" ON "master_persons"("region_code");

-- CreateIndex
CREATE INDEX "master_persons_merged_into_id_idx" ON "master_persons"("merged_into_id");

-- CreateIndex
CREATE INDEX "person_identifiers_master_person_id_idx" ON "person_identifiers"("master_person_id");

-- CreateIndex
CREATE INDEX "person_identifiers_value_bidx_idx" ON "person_identifiers"("value_bidx");

-- CreateIndex
CREATE UNIQUE INDEX "person_identifiers_type_issuer_value_bidx_key" ON "person_identifiers"("type", "issuer", "value_bidx");

-- CreateIndex
CREATE INDEX "person_links_master_person_id_idx" ON "person_links"("master_person_id");

-- CreateIndex
CREATE INDEX "person_links_status_idx" ON "person_links"("status");

-- CreateIndex
CREATE UNIQUE INDEX "person_links_institution_id_dataset_source_id_key" ON "person_links"("institution_id", "dataset", "source_id");

-- CreateIndex
CREATE INDEX "match_reviews_status_created_at_idx" ON "match_reviews"("status", "created_at");

-- CreateIndex
CREATE INDEX "match_reviews_candidate_master_person_id_idx" ON "match_reviews"("candidate_master_person_id");

-- CreateIndex
CREATE UNIQUE INDEX "match_reviews_institution_id_dataset_source_id_candidate_ma_key" ON "match_reviews"("institution_id", "dataset", "source_id", "candidate_master_person_id");

-- CreateIndex
CREATE INDEX "person_merges_survivor_id_idx" ON "person_merges"("survivor_id");

-- CreateIndex
CREATE INDEX "person_merges_merged_id_idx" ON "person_merges"("merged_id");

-- CreateIndex
CREATE INDEX "health_records_master_person_id_idx" ON "health_records"("master_person_id");

-- CreateIndex
CREATE INDEX "health_records_institution_id_established_at_idx" ON "health_records"("institution_id", "established_at");

-- CreateIndex
CREATE INDEX "health_records_region_code_idx" ON "health_records"("region_code");

-- CreateIndex
CREATE UNIQUE INDEX "health_records_institution_id_source_id_key" ON "health_records"("institution_id", "source_id");

-- CreateIndex
CREATE INDEX "chronic_registrations_master_person_id_disease_idx" ON "chronic_registrations"("master_person_id", "disease");

-- CreateIndex
CREATE INDEX "chronic_registrations_institution_id_registered_at_idx" ON "chronic_registrations"("institution_id", "registered_at");

-- CreateIndex
CREATE INDEX "chronic_registrations_disease_registered_at_idx" ON "chronic_registrations"("disease", "registered_at");

-- CreateIndex
CREATE UNIQUE INDEX "chronic_registrations_institution_id_source_id_key" ON "chronic_registrations"("institution_id", "source_id");

-- CreateIndex
CREATE INDEX "chronic_followups_master_person_id_disease_followup_at_idx" ON "chronic_followups"("master_person_id", "disease", "followup_at");

-- CreateIndex
CREATE INDEX "chronic_followups_institution_id_followup_at_idx" ON "chronic_followups"("institution_id", "followup_at");

-- CreateIndex
CREATE UNIQUE INDEX "chronic_followups_institution_id_source_id_key" ON "chronic_followups"("institution_id", "source_id");

-- CreateIndex
CREATE INDEX "immunizations_master_person_id_idx" ON "immunizations"("master_person_id");

-- CreateIndex
CREATE INDEX "immunizations_institution_id_administered_at_idx" ON "immunizations"("institution_id", "administered_at");

-- CreateIndex
CREATE INDEX "immunizations_vaccine_code_administered_at_idx" ON "immunizations"("vaccine_code", "administered_at");

-- CreateIndex
CREATE UNIQUE INDEX "immunizations_institution_id_source_id_key" ON "immunizations"("institution_id", "source_id");

-- CreateIndex
CREATE INDEX "family_doctor_contracts_master_person_id_idx" ON "family_doctor_contracts"("master_person_id");

-- CreateIndex
CREATE INDEX "family_doctor_contracts_institution_id_signed_at_idx" ON "family_doctor_contracts"("institution_id", "signed_at");

-- CreateIndex
CREATE INDEX "family_doctor_contracts_valid_from_valid_to_idx" ON "family_doctor_contracts"("valid_from", "valid_to");

-- CreateIndex
CREATE UNIQUE INDEX "family_doctor_contracts_institution_id_source_id_key" ON "family_doctor_contracts"("institution_id", "source_id");

-- CreateIndex
CREATE INDEX "encounters_master_person_id_idx" ON "encounters"("master_person_id");

-- CreateIndex
CREATE INDEX "encounters_institution_id_start_at_idx" ON "encounters"("institution_id", "start_at");

-- CreateIndex
CREATE INDEX "encounters_type_start_at_idx" ON "encounters"("type", "start_at");

-- CreateIndex
CREATE INDEX "encounters_type_end_at_idx" ON "encounters"("type", "end_at");

-- CreateIndex
CREATE UNIQUE INDEX "encounters_institution_id_source_id_key" ON "encounters"("institution_id", "source_id");

-- CreateIndex
CREATE INDEX "encounter_diagnoses_encounter_id_idx" ON "encounter_diagnoses"("encounter_id");

-- CreateIndex
CREATE INDEX "encounter_diagnoses_code_idx" ON "encounter_diagnoses"("code");

-- CreateIndex
CREATE INDEX "lab_reports_master_person_id_idx" ON "lab_reports"("master_person_id");

-- CreateIndex
CREATE INDEX "lab_reports_institution_id_reported_at_idx" ON "lab_reports"("institution_id", "reported_at");

-- CreateIndex
CREATE INDEX "lab_reports_encounter_id_idx" ON "lab_reports"("encounter_id");

-- CreateIndex
CREATE UNIQUE INDEX "lab_reports_institution_id_source_id_key" ON "lab_reports"("institution_id", "source_id");

-- CreateIndex
CREATE INDEX "lab_results_lab_report_id_idx" ON "lab_results"("lab_report_id");

-- CreateIndex
CREATE INDEX "exam_reports_master_person_id_idx" ON "exam_reports"("master_person_id");

-- CreateIndex
CREATE INDEX "exam_reports_institution_id_reported_at_idx" ON "exam_reports"("institution_id", "reported_at");

-- CreateIndex
CREATE INDEX "exam_reports_encounter_id_idx" ON "exam_reports"("encounter_id");

-- CreateIndex
CREATE UNIQUE INDEX "exam_reports_institution_id_source_id_key" ON "exam_reports"("institution_id", "source_id");

-- CreateIndex
CREATE INDEX "prescriptions_master_person_id_idx" ON "prescriptions"("master_person_id");

-- CreateIndex
CREATE INDEX "prescriptions_institution_id_prescribed_at_idx" ON "prescriptions"("institution_id", "prescribed_at");

-- CreateIndex
CREATE INDEX "prescriptions_encounter_id_idx" ON "prescriptions"("encounter_id");

-- CreateIndex
CREATE UNIQUE INDEX "prescriptions_institution_id_source_id_key" ON "prescriptions"("institution_id", "source_id");

-- CreateIndex
CREATE INDEX "prescription_items_prescription_id_idx" ON "prescription_items"("prescription_id");

-- CreateIndex
CREATE INDEX "prescription_items_drug_code_idx" ON "prescription_items"("drug_code");

-- CreateIndex
CREATE INDEX "disease_reports_master_person_id_idx" ON "disease_reports"("master_person_id");

-- CreateIndex
CREATE INDEX "disease_reports_institution_id_reported_at_idx" ON "disease_reports"("institution_id", "reported_at");

-- CreateIndex
CREATE INDEX "disease_reports_final_review_at_idx" ON "disease_reports"("final_review_at");

-- CreateIndex
CREATE INDEX "disease_reports_disease_code_final_review_at_idx" ON "disease_reports"("disease_code", "final_review_at");

-- CreateIndex
CREATE UNIQUE INDEX "disease_reports_institution_id_source_id_key" ON "disease_reports"("institution_id", "source_id");

-- CreateIndex
CREATE INDEX "ingest_batches_status_updated_at_idx" ON "ingest_batches"("status", "updated_at");

-- CreateIndex
CREATE INDEX "ingest_batches_institution_id_created_at_idx" ON "ingest_batches"("institution_id", "created_at");

-- CreateIndex
CREATE INDEX "record_outcomes_status_idx" ON "record_outcomes"("status");

-- CreateIndex
CREATE INDEX "parked_records_institution_id_parent_dataset_parent_source__idx" ON "parked_records"("institution_id", "parent_dataset", "parent_source_id");

-- CreateIndex
CREATE INDEX "parked_records_resolved_at_retry_after_idx" ON "parked_records"("resolved_at", "retry_after");

-- CreateIndex
CREATE UNIQUE INDEX "parked_records_institution_id_dataset_source_id_key" ON "parked_records"("institution_id", "dataset", "source_id");

-- CreateIndex
CREATE INDEX "quality_findings_institution_id_dataset_day_idx" ON "quality_findings"("institution_id", "dataset", "day");

-- CreateIndex
CREATE INDEX "quality_findings_rule_code_day_idx" ON "quality_findings"("rule_code", "day");

-- CreateIndex
CREATE INDEX "quality_findings_batch_id_idx" ON "quality_findings"("batch_id");

-- CreateIndex
CREATE INDEX "ingest_daily_rollups_day_idx" ON "ingest_daily_rollups"("day");

-- CreateIndex
CREATE INDEX "quality_daily_rollups_day_idx" ON "quality_daily_rollups"("day");

-- CreateIndex
CREATE INDEX "institution_dataset_status_status_idx" ON "institution_dataset_status"("status");

-- CreateIndex
CREATE INDEX "kpi_rollups_indicator_code_period_idx" ON "kpi_rollups"("indicator_code", "period");

-- CreateIndex
CREATE UNIQUE INDEX "kpi_rollups_indicator_code_region_code_institution_id_perio_key" ON "kpi_rollups"("indicator_code", "region_code", "institution_id", "period");

-- CreateIndex
CREATE INDEX "indicator_entries_indicator_code_region_code_period_entered_idx" ON "indicator_entries"("indicator_code", "region_code", "period", "entered_at");

-- CreateIndex
CREATE UNIQUE INDEX "staff_users_username_key" ON "staff_users"("username");

-- CreateIndex
CREATE UNIQUE INDEX "staff_sessions_token_hash_key" ON "staff_sessions"("token_hash");

-- CreateIndex
CREATE INDEX "staff_sessions_user_id_idx" ON "staff_sessions"("user_id");

-- CreateIndex
CREATE INDEX "staff_sessions_expires_at_idx" ON "staff_sessions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "institution_credentials_key_hash_key" ON "institution_credentials"("key_hash");

-- CreateIndex
CREATE INDEX "institution_credentials_key_prefix_idx" ON "institution_credentials"("key_prefix");

-- CreateIndex
CREATE INDEX "institution_credentials_institution_id_idx" ON "institution_credentials"("institution_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_log_hash_key" ON "audit_log"("hash");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_master_person_id_at_idx" ON "audit_log"("master_person_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_actor_type_actor_id_at_idx" ON "audit_log"("actor_type", "actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");

-- CreateIndex
CREATE INDEX "consents_master_person_id_institution_id_idx" ON "consents"("master_person_id", "institution_id");

-- AddForeignKey
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "regions"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "institution_datasets" ADD CONSTRAINT "institution_datasets_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "departments" ADD CONSTRAINT "departments_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resource_reports" ADD CONSTRAINT "resource_reports_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "master_persons" ADD CONSTRAINT "master_persons_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "master_persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_identifiers" ADD CONSTRAINT "person_identifiers_master_person_id_fkey" FOREIGN KEY ("master_person_id") REFERENCES "master_persons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_links" ADD CONSTRAINT "person_links_master_person_id_fkey" FOREIGN KEY ("master_person_id") REFERENCES "master_persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_links" ADD CONSTRAINT "person_links_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "match_reviews" ADD CONSTRAINT "match_reviews_candidate_master_person_id_fkey" FOREIGN KEY ("candidate_master_person_id") REFERENCES "master_persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_records" ADD CONSTRAINT "health_records_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_records" ADD CONSTRAINT "health_records_master_person_id_fkey" FOREIGN KEY ("master_person_id") REFERENCES "master_persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chronic_registrations" ADD CONSTRAINT "chronic_registrations_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chronic_registrations" ADD CONSTRAINT "chronic_registrations_master_person_id_fkey" FOREIGN KEY ("master_person_id") REFERENCES "master_persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chronic_followups" ADD CONSTRAINT "chronic_followups_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chronic_followups" ADD CONSTRAINT "chronic_followups_master_person_id_fkey" FOREIGN KEY ("master_person_id") REFERENCES "master_persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "immunizations" ADD CONSTRAINT "immunizations_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "immunizations" ADD CONSTRAINT "immunizations_master_person_id_fkey" FOREIGN KEY ("master_person_id") REFERENCES "master_persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family_doctor_contracts" ADD CONSTRAINT "family_doctor_contracts_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family_doctor_contracts" ADD CONSTRAINT "family_doctor_contracts_master_person_id_fkey" FOREIGN KEY ("master_person_id") REFERENCES "master_persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_master_person_id_fkey" FOREIGN KEY ("master_person_id") REFERENCES "master_persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounter_diagnoses" ADD CONSTRAINT "encounter_diagnoses_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "encounters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_reports" ADD CONSTRAINT "lab_reports_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "encounters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_reports" ADD CONSTRAINT "lab_reports_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_reports" ADD CONSTRAINT "lab_reports_master_person_id_fkey" FOREIGN KEY ("master_person_id") REFERENCES "master_persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_results" ADD CONSTRAINT "lab_results_lab_report_id_fkey" FOREIGN KEY ("lab_report_id") REFERENCES "lab_reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exam_reports" ADD CONSTRAINT "exam_reports_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "encounters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exam_reports" ADD CONSTRAINT "exam_reports_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exam_reports" ADD CONSTRAINT "exam_reports_master_person_id_fkey" FOREIGN KEY ("master_person_id") REFERENCES "master_persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prescriptions" ADD CONSTRAINT "prescriptions_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "encounters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prescriptions" ADD CONSTRAINT "prescriptions_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prescriptions" ADD CONSTRAINT "prescriptions_master_person_id_fkey" FOREIGN KEY ("master_person_id") REFERENCES "master_persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prescription_items" ADD CONSTRAINT "prescription_items_prescription_id_fkey" FOREIGN KEY ("prescription_id") REFERENCES "prescriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disease_reports" ADD CONSTRAINT "disease_reports_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disease_reports" ADD CONSTRAINT "disease_reports_master_person_id_fkey" FOREIGN KEY ("master_person_id") REFERENCES "master_persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_batches" ADD CONSTRAINT "ingest_batches_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_inbox" ADD CONSTRAINT "ingest_inbox_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "ingest_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_outcomes" ADD CONSTRAINT "record_outcomes_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "ingest_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_entries" ADD CONSTRAINT "indicator_entries_indicator_code_fkey" FOREIGN KEY ("indicator_code") REFERENCES "indicators"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "institution_credentials" ADD CONSTRAINT "institution_credentials_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consents" ADD CONSTRAINT "consents_master_person_id_fkey" FOREIGN KEY ("master_person_id") REFERENCES "master_persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consents" ADD CONSTRAINT "consents_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
