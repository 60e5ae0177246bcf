/**
 * Where the JSON Schemas camsize ships say they live (`$id`): the copies
 * committed in examples/, which tests keep equal to `camsize schema` and
 * `camsize schema --output`. Editors validate with the file `$schema` points
 * at (e.g. ./node_modules/camsize/lib/fleet.schema.json); `$id` names it.
 */
export const SCHEMA_ID_BASE = 'https://raw.githubusercontent.com/camsize/camsize/main/examples/';
