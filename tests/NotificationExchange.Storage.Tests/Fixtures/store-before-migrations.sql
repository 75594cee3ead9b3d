-- A database as the build before migrations (commit 8379752) left it: its schema, created by SqliteSchema.cs with
-- CREATE TABLE IF NOT EXISTS, no PRAGMA user_version, and the rows it wrote. Made by running that commit's exchange
-- (ExchangeApplication.Build, in-memory bus, instance id fixture-instance) from a small throwaway program that, over
-- gRPC: created operators esa-fdo and launch-ops; as esa-fdo filed maneuver MNV-1 (request esa-file-1), amended it
-- (esa-amend-1) and filed MNV-3 from a CCSDS OPM (esa-file-ccsds, kept as an attachment); as launch-ops filed
-- launch LCH-4 (request esa-file-1 again, another operator's) and cancelled it (launch-cancel); as esa-fdo created a
-- subscription to object 25544 and acknowledged. Then dumped with `sqlite3 exchange.db .dump`; nothing edited but
-- these comment lines. The in-memory bus had published every event, so the outbox is empty.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE store_info (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO store_info VALUES('schema_version','1');
INSERT INTO store_info VALUES('store_id','1da5e9b8-a142-4d90-80cd-85f9a6029f7f');
CREATE TABLE events (
    sequence INTEGER PRIMARY KEY,
    notification_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    event_type INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    snapshot TEXT NOT NULL,
    match_keys TEXT NOT NULL
);
INSERT INTO events VALUES(1,'MNV-1',1,1,639317555466959535,'{"id":"MNV-1","sequence":1,"filing_operator":"esa-fdo","filed_at":"2026-12-01T20:59:06.6959535Z","updated_at":"2026-12-01T20:59:06.6959535Z","version":1,"status":"Filed","visibility":"Public","related_notification_ids":[],"content":{"kind":"maneuver","object":{"norad_cat_id":25544,"cospar_id":"1998-067A","name":"ISS (ZARYA)"},"execution_window":{"start":"2026-12-02T02:59:06.4788625Z","end":"2026-12-02T03:19:06.4788746Z"},"purpose":"CollisionAvoidance","planned_delta_v":{"magnitude_mps":0.5,"components_mps":{"radial":0,"in_track":0.5,"cross_track":0}},"current_orbit":{"form":"tle","line1":"1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992","line2":"2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577"},"expected_orbit":{"form":"mean_elements","epoch":"2026-12-02T03:59:06.4790551Z","apogee_altitude_km":421,"perigee_altitude_km":415,"inclination_deg":51.64,"raan_deg":196.3,"arg_of_perigee_deg":13.8,"mean_anomaly_deg":97.4},"remarks":"Debris avoidance, conjunction with 48274 at TCA \u002B 3 h","contact":{"name":"Duty flight dynamics engineer","email":"fdo@example.org","phone":"\u002B49 6151 90 0"}},"regimes":["Leo"],"attachments":[]}','{"kind":"Maneuver","filing_operator":"esa-fdo","norad_cat_ids":[25544],"regimes":["Leo"]}');
INSERT INTO events VALUES(2,'MNV-1',2,2,639317555468737081,'{"id":"MNV-1","sequence":2,"filing_operator":"esa-fdo","filed_at":"2026-12-01T20:59:06.6959535Z","updated_at":"2026-12-01T20:59:06.8737081Z","version":2,"status":"Amended","visibility":"Public","related_notification_ids":[],"content":{"kind":"maneuver","object":{"norad_cat_id":25544,"cospar_id":"1998-067A","name":"ISS (ZARYA)"},"execution_window":{"start":"2026-12-02T02:59:06.8033209Z","end":"2026-12-02T03:19:06.8033223Z"},"purpose":"CollisionAvoidance","planned_delta_v":{"magnitude_mps":0.5,"components_mps":{"radial":0,"in_track":0.5,"cross_track":0}},"current_orbit":{"form":"tle","line1":"1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992","line2":"2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577"},"expected_orbit":{"form":"mean_elements","epoch":"2026-12-02T03:59:06.8033242Z","apogee_altitude_km":421,"perigee_altitude_km":415,"inclination_deg":51.64,"raan_deg":196.3,"arg_of_perigee_deg":13.8,"mean_anomaly_deg":97.4},"remarks":"Debris avoidance, conjunction with 48274 at TCA \u002B 3 h","contact":{"name":"Duty flight dynamics engineer","email":"fdo@example.org","phone":"\u002B49 6151 90 0"}},"regimes":["Leo"],"change_reason":"refined","attachments":[]}','{"kind":"Maneuver","filing_operator":"esa-fdo","norad_cat_ids":[25544],"regimes":["Leo"]}');
INSERT INTO events VALUES(3,'MNV-3',1,1,639317555470891436,'{"id":"MNV-3","sequence":3,"filing_operator":"esa-fdo","filed_at":"2026-12-01T20:59:07.0891436Z","updated_at":"2026-12-01T20:59:07.0891436Z","version":1,"status":"Filed","visibility":"Public","related_notification_ids":[],"content":{"kind":"maneuver","object":{"norad_cat_id":39634,"cospar_id":"2014-016A","name":"SENTINEL-1A"},"execution_window":{"start":"2030-03-04T05:06:07Z","end":"2030-03-04T05:16:17Z"},"purpose":"CollisionAvoidance","planned_delta_v":{"magnitude_mps":0.44999999999999996},"current_orbit":{"form":"mean_elements","epoch":"2030-03-04T03:06:07Z","semi_major_axis_km":7000.346750047249,"eccentricity":4.9533267369339384E-05,"inclination_deg":45,"raan_deg":0,"arg_of_perigee_deg":0,"mean_anomaly_deg":0},"remarks":"Avoidance of debris 48274\na second, later burn","contact":{"name":"Sentinel-1 flight dynamics","email":"s1-fd@example.org"}},"regimes":["Leo"],"attachments":[{"role":"Source","media_type":"text/x-ccsds-opm","size_bytes":1340,"sha256":"73a8dbdfc1cec0e0ae603f0b5f6afccd28c9f694e98f5e6f5d305f7b4de63019"}]}','{"kind":"Maneuver","filing_operator":"esa-fdo","norad_cat_ids":[39634],"regimes":["Leo"]}');
INSERT INTO events VALUES(4,'LCH-4',1,1,639317555471264140,'{"id":"LCH-4","sequence":4,"filing_operator":"launch-ops","filed_at":"2026-12-01T20:59:07.126414Z","updated_at":"2026-12-01T20:59:07.126414Z","version":1,"status":"Filed","visibility":"Public","related_notification_ids":[],"content":{"kind":"launch","vehicle":"Ariane 6","site":{"name":"Guiana Space Centre ELA-4","location":{"latitude_deg":5.2,"longitude_deg":-52.77}},"launch_window":{"start":"2026-12-11T20:59:07.1027025Z","end":"2026-12-11T21:59:07.1027038Z"},"launch_azimuth_deg":90,"payload_orbits":[{"payload_name":"GALILEO-L14A","perigee_altitude_km":23222,"apogee_altitude_km":23222,"inclination_deg":56}],"payload_count":2,"hazard_areas":[{"discarded_item":"solid boosters","box":{"min_latitude_deg":5,"max_latitude_deg":7,"min_longitude_deg":-50,"max_longitude_deg":-48},"window":{"start":"2026-12-11T20:59:07.1029143Z","end":"2026-12-11T22:59:07.1029146Z"}}],"hcoc_notification_reference":"HCOC-PLN-2026-0099","contact":{"name":"Duty flight dynamics engineer","email":"fdo@example.org","phone":"\u002B49 6151 90 0"}},"regimes":["Meo"],"attachments":[]}','{"kind":"Launch","filing_operator":"launch-ops","norad_cat_ids":[],"regimes":["Meo"]}');
INSERT INTO events VALUES(5,'LCH-4',2,3,639317555471588810,'{"id":"LCH-4","sequence":5,"filing_operator":"launch-ops","filed_at":"2026-12-01T20:59:07.126414Z","updated_at":"2026-12-01T20:59:07.158881Z","version":2,"status":"Cancelled","visibility":"Public","related_notification_ids":[],"content":{"kind":"launch","vehicle":"Ariane 6","site":{"name":"Guiana Space Centre ELA-4","location":{"latitude_deg":5.2,"longitude_deg":-52.77}},"launch_window":{"start":"2026-12-11T20:59:07.1027025Z","end":"2026-12-11T21:59:07.1027038Z"},"launch_azimuth_deg":90,"payload_orbits":[{"payload_name":"GALILEO-L14A","perigee_altitude_km":23222,"apogee_altitude_km":23222,"inclination_deg":56}],"payload_count":2,"hazard_areas":[{"discarded_item":"solid boosters","box":{"min_latitude_deg":5,"max_latitude_deg":7,"min_longitude_deg":-50,"max_longitude_deg":-48},"window":{"start":"2026-12-11T20:59:07.1029143Z","end":"2026-12-11T22:59:07.1029146Z"}}],"hcoc_notification_reference":"HCOC-PLN-2026-0099","contact":{"name":"Duty flight dynamics engineer","email":"fdo@example.org","phone":"\u002B49 6151 90 0"}},"cancellation":{"reason":"launch slipped","cancelled_at":"2026-12-01T20:59:07.158881Z"},"regimes":["Meo"],"change_reason":"launch slipped","attachments":[]}','{"kind":"Launch","filing_operator":"launch-ops","norad_cat_ids":[],"regimes":["Meo"]}');
CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    kind INTEGER NOT NULL,
    filing_operator TEXT NOT NULL,
    status INTEGER NOT NULL,
    first_sequence INTEGER NOT NULL,
    latest_sequence INTEGER NOT NULL,
    window_start INTEGER,
    window_end INTEGER
) WITHOUT ROWID;
INSERT INTO notifications VALUES('LCH-4',3,'launch-ops',3,4,5,639326195471027025,639326231471027038);
INSERT INTO notifications VALUES('MNV-1',1,'esa-fdo',2,1,2,639317771468033209,639317783468033223);
INSERT INTO notifications VALUES('MNV-3',1,'esa-fdo',1,3,3,640344279670000000,640344285770000000);
CREATE TABLE notification_objects (
    norad_cat_id INTEGER NOT NULL,
    notification_id TEXT NOT NULL,
    PRIMARY KEY (norad_cat_id, notification_id)
) WITHOUT ROWID;
INSERT INTO notification_objects VALUES(25544,'MNV-1');
INSERT INTO notification_objects VALUES(39634,'MNV-3');
CREATE TABLE outbox (
    sequence INTEGER PRIMARY KEY,
    instance_id TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE attachments (
    notification_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    media_type TEXT NOT NULL,
    content TEXT NOT NULL,
    PRIMARY KEY (notification_id, sha256)
) WITHOUT ROWID;
INSERT INTO attachments VALUES('MNV-3','73a8dbdfc1cec0e0ae603f0b5f6afccd28c9f694e98f5e6f5d305f7b4de63019','text/x-ccsds-opm',replace('CCSDS_OPM_VERS = 2.0\nCREATION_DATE = 2030-03-03T05:06:07.000\nORIGINATOR = ESA-SDO\nOBJECT_NAME = SENTINEL-1A\nOBJECT_ID = 2014-016A\nCENTER_NAME = EARTH\nREF_FRAME = EME2000\nTIME_SYSTEM = UTC\nEPOCH = 2030-03-04T03:06:07.000\nX = 7000.0 [km]\nY = 0.0 [km]\nZ = 0.0 [km]\nX_DOT = 0.0 [km/s]\nY_DOT = 5.336 [km/s]\nZ_DOT = 5.336 [km/s]\nSEMI_MAJOR_AXIS = 7000.0 [km]\nECCENTRICITY = 0.001\nINCLINATION = 45.0 [deg]\nRA_OF_ASC_NODE = 0.0 [deg]\nARG_OF_PERICENTER = 90.0 [deg]\nTRUE_ANOMALY = 0.0 [deg]\nGM = 398600.4415 [km**3/s**2]\nMASS = 2157.0 [kg]\nCOV_REF_FRAME = RTN\nCX_X = 1.0e-4\nCY_X = 0\nCY_Y = 1.0e-2\nCZ_X = 0\nCZ_Y = 0\nCZ_Z = 1.0e-4\nCX_DOT_X = 0\nCX_DOT_Y = -1.0e-6\nCX_DOT_Z = 0\nCX_DOT_X_DOT = 1.0e-8\nCY_DOT_X = 0\nCY_DOT_Y = 0\nCY_DOT_Z = 0\nCY_DOT_X_DOT = 0\nCY_DOT_Y_DOT = 1.0e-10\nCZ_DOT_X = 0\nCZ_DOT_Y = 0\nCZ_DOT_Z = 0\nCZ_DOT_X_DOT = 0\nCZ_DOT_Y_DOT = 0\nCZ_DOT_Z_DOT = 1.0e-8\nCOMMENT Avoidance of debris 48274\nMAN_EPOCH_IGNITION = 2030-03-04T05:06:07.000\nMAN_DURATION = 120.0 [s]\nMAN_DELTA_MASS = -0.5 [kg]\nMAN_REF_FRAME = RTN\nMAN_DV_1 = 0.0 [km/s]\nMAN_DV_2 = 0.00035 [km/s]\nMAN_DV_3 = 0.0 [km/s]\nCOMMENT a second, later burn\nMAN_EPOCH_IGNITION = 2030-03-04T05:16:07.000\nMAN_DURATION = 10.0 [s]\nMAN_DELTA_MASS = -0.05 [kg]\nMAN_REF_FRAME = RTN\nMAN_DV_1 = 0.0 [km/s]\nMAN_DV_2 = 0.0001 [km/s]\nMAN_DV_3 = 0.0 [km/s]\nUSER_DEFINED_NOTE = coordinated [ticket 42]','\n',char(10)));
CREATE TABLE requests (
    operator_id TEXT NOT NULL,
    request_id TEXT NOT NULL,
    fingerprint BLOB NOT NULL,
    notification_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (operator_id, request_id)
) WITHOUT ROWID;
INSERT INTO requests VALUES('esa-fdo','esa-amend-1',X'7e387747de1b167b8d47f9b3f964176acac11bf2e5b953d364366016e90ac8ee','MNV-1',2);
INSERT INTO requests VALUES('esa-fdo','esa-file-1',X'dc0991c3991c6b822c33901ecb1dc51a12948afdeb1dd2c5025a70924113a954','MNV-1',1);
INSERT INTO requests VALUES('esa-fdo','esa-file-ccsds',X'0843b5350bdafe3cf3d35f604ccb6bc4c13098743bbcdcc3f98f01dc45d522a1','MNV-3',1);
INSERT INTO requests VALUES('launch-ops','esa-file-1',X'a3d81864b9fb5655cc7ce1e27bb1db35633608c6dd837fdc467b823eda22b11d','LCH-4',1);
INSERT INTO requests VALUES('launch-ops','launch-cancel',X'614315f8ef637e7faf42eac799e3de2ee2980a985d22c7509cbafc2f51505136','LCH-4',2);
CREATE TABLE operators (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    contact TEXT,
    is_admin INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    key_hash BLOB NOT NULL UNIQUE
) WITHOUT ROWID;
INSERT INTO operators VALUES('admin','Exchange administrator',NULL,1,639317555459529021,X'e6f0e39a45775141cdd41422bcf664c33648aa102fd775d121e58a105b153614');
INSERT INTO operators VALUES('esa-fdo','ESA flight dynamics','{"name":"Duty flight dynamics engineer","email":"fdo@example.org","phone":"\u002B49 6151 90 0"}',0,639317555464071164,X'6fb4d375b0300b271f85ce2e0ea9b0275b3fce3c385c2fda5262193269930be4');
INSERT INTO operators VALUES('launch-ops','Launch operations',NULL,0,639317555464668451,X'99a6fe0501aa42cf3e0365f70d1d9415bb78a17ef14d2fcd9d75c56a4172c3f2');
CREATE TABLE subscriptions (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    name TEXT NOT NULL,
    filter TEXT NOT NULL,
    acknowledged_sequence INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO subscriptions VALUES('sub-2de1805ce96d452fa7674ad0ec235f40','esa-fdo','all of ISS','{"kinds":[],"norad_cat_ids":[25544],"filing_operators":[],"regimes":[],"event_types":[]}',5,639317555471982217);
CREATE UNIQUE INDEX events_by_notification ON events (notification_id, version);
CREATE INDEX notifications_by_first_sequence ON notifications (first_sequence);
CREATE INDEX notifications_by_operator ON notifications (filing_operator, first_sequence);
CREATE INDEX subscriptions_by_owner ON subscriptions (owner);
COMMIT;
