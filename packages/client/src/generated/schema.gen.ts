// Generated from spec/openapi.yaml (its bundle, spec/dist/openapi.json) by `pnpm generate` (openapi-typescript).
// Do not edit: change the spec and regenerate.
export interface paths {
    "/api/v1/Agents/Batch/GetBatchTaskInfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get one batch task by id
         * @description Get a single BatchTaskInfo by its id. A task that does not exist, or that the caller may not
         *     see, comes back as 200 with a null body.
         */
        post: operations["v1BatchAgent_GetBatchTaskInfo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Agents/Batch/GetBatchTaskInfosByAssociates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get the batch tasks of some associates
         * @description Get the BatchTaskInfos owned by the given associates (users). Associates without tasks add
         *     nothing; a call the server cannot use comes back as 200 with a null body.
         */
        post: operations["v1BatchAgent_GetBatchTaskInfosByAssociates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Agents/Batch/GetBatchTaskInfosByAssociatesAndState": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get the batch tasks of some associates in a state
         * @description Get the BatchTaskInfos owned by the given associates that are in the given state.
         */
        post: operations["v1BatchAgent_GetBatchTaskInfosByAssociatesAndState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Agents/Batch/GetBatchTaskInfosByNameAndAssociates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get the batch tasks of some associates by name
         * @description Get the BatchTaskInfos with the given name (job name) owned by the given associates.
         */
        post: operations["v1BatchAgent_GetBatchTaskInfosByNameAndAssociates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Agents/Batch/GetBatchTaskInfosByNameAndState": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get the caller's batch tasks by name and state
         * @description Get the caller's BatchTaskInfos with the given name (job name) in the given state.
         */
        post: operations["v1BatchAgent_GetBatchTaskInfosByNameAndState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Agents/Batch/GetBatchTaskInfosByState": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get the caller's batch tasks in a state
         * @description Get the caller's BatchTaskInfos in the given state; `All` for every state. The Agents twin
         *     of GET /api/v1/BatchTask/{state}.
         */
        post: operations["v1BatchAgent_GetBatchTaskInfosByState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Agents/Batch/GetAllBatchTaskInfosByName": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get everyone's batch tasks by name
         * @description Get the BatchTaskInfos of every associate, and the system tasks, with the given name (job name).
         */
        post: operations["v1BatchAgent_GetAllBatchTaskInfosByName"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Agents/Batch/GetAllBatchTaskInfosByNameAndState": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get everyone's batch tasks by name and state
         * @description Get the BatchTaskInfos of every associate, and the system tasks, with the given name in the given state.
         */
        post: operations["v1BatchAgent_GetAllBatchTaskInfosByNameAndState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Agents/Batch/GetSystemBatchTaskInfosByName": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get the system batch tasks by name
         * @description Get the system BatchTaskInfos (not started by an associate) with the given name (job name).
         */
        post: operations["v1BatchAgent_GetSystemBatchTaskInfosByName"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Agents/Batch/GetSystemBatchTaskInfosByNameAndState": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get the system batch tasks by name and state
         * @description Get the system BatchTaskInfos with the given name in the given state.
         */
        post: operations["v1BatchAgent_GetSystemBatchTaskInfosByNameAndState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Agents/Batch/UpdateBatchTask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Update a batch task
         * @description Update a batch task. Only State, Description, Response and Request are updated; the server
         *     ignores changes to every other property. The answer is the task as stored, or 200 with a null
         *     body when there is no such task or the caller may not change it. Not safe to retry: a
         *     repeated call may overwrite a change made in between.
         */
        post: operations["v1BatchAgent_UpdateBatchTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Agents/Batch/StartBatchJob": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a batch job
         * @description Start the batch job named by `BatchTaskInfo.Name`, with `ParameterObject` as its parameters.
         *     The answer is the id of the new batch task, to follow with GetBatchTaskInfo; 200 with null
         *     (or 0) when the job could not be started. Not safe to retry: each call starts a job.
         *     `$select` is listed by the reference page but has nothing to select in an integer answer.
         */
        post: operations["v1BatchAgent_StartBatchJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Agents/Batch/StopBatchJob": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop a batch job
         * @description Ask the job of a running batch task to stop. The answer says whether it was stopped; a task
         *     that has ended, or whose CancellationBehaviour is CannotCancel, is not. Not retried by the client.
         *     `$select` is listed by the reference page but has nothing to select in this answer.
         */
        post: operations["v1BatchAgent_StopBatchJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Agents/Batch/DeleteBatchTask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete a batch task
         * @description Delete a batch task from the database. Decision: the page shows `null` as the body of its
         *     204 sample; a 204 has no body, so none is described.
         *     `$select` is listed by the reference page but has nothing to select in this answer.
         *     Decision: the headers are the page's: of the SO-* family it lists only SO-AppToken, and it
         *     lists neither Accept-Language nor SO-Language, SO-Culture or SO-TimeZone, so they are not
         *     described here (as on the REST delete). A 204 has no body to translate, format or convert
         *     dates in. The page's sample request still sends `Accept-Language: *`, and a client may send
         *     these headers with every call (the typed client does); nothing in the 204 depends on them.
         */
        post: operations["v1BatchAgent_DeleteBatchTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Agents/Batch/DeleteBatchTasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete batch tasks
         * @description Delete several batch tasks from the database. Decision: the page shows `null` as the body of
         *     its 204 sample; a 204 has no body, so none is described.
         *     `$select` is listed by the reference page but has nothing to select in this answer.
         *     Decision: the headers are the page's: of the SO-* family it lists only SO-AppToken, and it
         *     lists neither Accept-Language nor SO-Language, SO-Culture or SO-TimeZone, so they are not
         *     described here (as on the REST delete). A 204 has no body to translate, format or convert
         *     dates in. The page's sample request still sends `Accept-Language: *`, and a client may send
         *     these headers with every call (the typed client does); nothing in the 204 depends on them.
         */
        post: operations["v1BatchAgent_DeleteBatchTasks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/BatchTask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List batch tasks (OData)
         * @description An OData list of batch tasks, read from the "BatchTasks" archive: select columns, filter,
         *     sort and page with the `$` parameters. The rows are archive rows (PrimaryKey, EntityName and
         *     the selected columns), not BatchTaskInfos. Decision: the reference page's sample rows are
         *     person rows (generated filler); they are kept, as they show the envelope.
         *     Where the page's spellings of a `$` parameter disagree with each other or with its type
         *     (`$orderby` / `$orderBy`, `$mode=full` / `Full`, `$jsonSafe=False` for a `bool`), the
         *     parameter's own Decision note says what the spec takes.
         *
         *     ### The BatchTasks archive
         *
         *     Rows of entity `batchtask`, at most 50 per answer: `odata.nextLink` leads to the rest. `$orderBy` takes columns, each optionally `asc` or `desc` (`asc` by default). A query has at most 4096 characters per parameter, 100 conditions and 1000 list values; more is refused (400).
         *
         *     | Column | Kind | BatchTaskInfo property | Without $select |
         *     | --- | --- | --- | --- |
         *     | `batchTaskId` | number | `Id` | yes |
         *     | `name` | string | `Name` | yes |
         *     | `description` | string | `Description` | yes |
         *     | `state` | list | `State` | yes |
         *     | `progressPercent` | number | `ProgressPercent` | yes |
         *     | `progressDescription` | string | `ProgressDescription` | no |
         *     | `associateId` | associate | `AssociateId` | yes |
         *     | `created` | date | `Created` | yes |
         *     | `lastStarted` | date | `LastStarted` | yes |
         *     | `startCount` | number | `StartCount` | no |
         *     | `isSystemTask` | yes/no | `IsSystemTask` | no |
         *     | `isInternalTask` | yes/no | `IsInternalTask` | no |
         *     | `result` | string | `Result` | no |
         *     | `fileName` | string | `FileName` | no |
         *     | `detailsTable` | number | `DetailsTable` | no |
         *     | `detailsRecord` | number | `DetailsRecord` | no |
         *     | `context` | string | `Context` | no |
         *     | `databaseSerialNumber` | string | `DatabaseSerialNumber` | no |
         *     | `request` | string | `Request` | no |
         *     | `response` | string | `Response` | no |
         *     | `cancellationBehaviour` | list | `CancellationBehaviour` | no |
         *
         *     | Kind | Values |
         *     | --- | --- |
         *     | number | A whole number, written as it is (`progressPercent ge 50`). |
         *     | string | Text in single quotes, `''` for a quote inside (`name begins 'Export'`); compared case-insensitively, a missing value reads as `''`. |
         *     | associate | An associate id, a whole number (`associateId eq 195`). |
         *     | list | An item of the column's list, by its name or its number (`state eq Failed`, `state eq 5`); rows show the name. |
         *     | date | An ISO date or date-time in single quotes (`'2026-11-29'`, `'2026-11-29T10:00:00Z'`; no offset means UTC), compared by UTC day. |
         *     | yes/no | `true` or `false`. |
         *
         *     | Operator | Also written | Form | Kinds | Means |
         *     | --- | --- | --- | --- | --- |
         *     | `eq` | `=`, `equals` | `column op value` | number, associate, list, string, yes/no | equal to |
         *     | `ne` | `unequals` | `column op value` | number, associate, list, string, yes/no | not equal to (a missing value counts as not equal) |
         *     | `le` |  | `column op value` | number, associate | at most |
         *     | `lt` | `less` | `column op value` | number, associate | less than |
         *     | `ge` |  | `column op value` | number, associate | at least |
         *     | `gt` | `greater` | `column op value` | number, associate | greater than |
         *     | `between` |  | `column op (low, high)` | number, associate | from the first value to the second, both included |
         *     | `set` |  | `column op` | number, associate, yes/no | has a value other than 0 (yes/no: true) |
         *     | `contains` |  | `column op value` | string | contains the text |
         *     | `notContains` |  | `column op value` | string | does not contain the text |
         *     | `begins` |  | `column op value` | string | begins with the text |
         *     | `notBegins` |  | `column op value` | string | does not begin with the text |
         *     | `is` |  | `column op value` | string | is the text |
         *     | `isNot` |  | `column op value` | string | is not the text |
         *     | `associateIsOneOf` |  | `column op (v1, v2, ...)` | associate | one of the associates |
         *     | `associateIsNotOneOf` |  | `column op (v1, v2, ...)` | associate | none of the associates (or no value) |
         *     | `currentAssociate` |  | `column op` | associate | the caller's associate id |
         *     | `oneOf` |  | `column op (v1, v2, ...)` | number, associate, list | one of the values |
         *     | `NotOneOf` |  | `column op (v1, v2, ...)` | number, associate, list | none of the values (or no value) |
         *     | `before` |  | `column op value` | date | before the day |
         *     | `date` |  | `column op value` | date | on the day |
         *     | `after` |  | `column op value` | date | after the day |
         *     | `dateBetween` |  | `column op (low, high)` | date | from the first day to the last, both included |
         *     | `beforeToday` |  | `column op` | date | before today |
         *     | `today` |  | `column op` | date | today |
         *     | `afterToday` |  | `column op` | date | after today |
         *     | `lastWeek` |  | `column op` | date | the calendar week before this one (weeks from Monday) |
         *     | `thisWeek` |  | `column op` | date | this calendar week |
         *     | `nextWeek` |  | `column op` | date | the calendar week after this one |
         *     | `lastMonth` |  | `column op` | date | the month before this one |
         *     | `thisMonth` |  | `column op` | date | this month |
         *     | `nextMonth` |  | `column op` | date | the month after this one |
         *     | `lastQuarter` |  | `column op` | date | the quarter before this one |
         *     | `thisQuarter` |  | `column op` | date | this quarter |
         *     | `nextQuarter` |  | `column op` | date | the quarter after this one |
         *     | `thisHalf` |  | `column op` | date | this half year |
         *     | `thisYear` |  | `column op` | date | this year |
         *
         *     | Function | Kinds | Means |
         *     | --- | --- | --- |
         *     | `substringof('text', column)` | string | the column contains the text (OData's order; `(column, 'text')` reads too) |
         *     | `startswith(column, 'text')` | string | the column begins with the text |
         *     | `endswith(column, 'text')` | string | the column ends with the text |
         *     | `this(column, period)` | date | in the current period |
         *     | `next(column, n, period)` | date | in the n periods after the current one |
         *     | `previous(column, n, period)` | date | in the n periods before the current one |
         *     | `thisAndNext(column, n, period)` | date | in the current period and the n after it |
         *     | `thisAndPrevious(column, n, period)` | date | in the current period and the n before it |
         *     | `thisAndPreviousAndNext(column, period)` | date | in the previous, the current and the next period |
         *
         *     Periods: `day`, `week`, `month`, `quarter`, `half`, `year`.
         */
        get: operations["v1Batch_GetAll"];
        put?: never;
        /**
         * Start a batch job
         * @description Start the batch job named by `Name`, with `ParameterObject` as its parameters. The REST twin
         *     of Agents StartBatchJob, with one difference: the body is a bare BatchTaskInfo, not wrapped
         *     in `{"BatchTaskInfo": ...}`. The answer is the id of the new batch task. Not safe to retry.
         */
        post: operations["v1Batch_StartBatchJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/BatchTask/{idOrState}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one batch task by id, or the caller's batch tasks in a state
         * @description Two reference pages share this path:
         *
         *     - **v1Batch_GetBatchTaskInfo**, `GET /api/v1/BatchTask/{id}`: an integer gets that task
         *       (one BatchTaskInfo), or 404.
         *     - **v1Batch_GetBatchTaskInfosByState**, `GET /api/v1/BatchTask/{state}`: a BatchTaskState name
         *       gets the caller's tasks in that state (an array; `All` for every state).
         *
         *     The server tells them apart by the value, and so does this document: the parameter is an
         *     integer or a state name, and the answer is one task or an array accordingly.
         */
        get: operations["v1Batch_GetBatchTaskInfosByState"];
        /**
         * Update a batch task
         * @description Update a batch task: only State, Description, Response and Request are updated. The REST
         *     twin of Agents UpdateBatchTask, with a bare BatchTaskInfo body. Decision: the page types
         *     the path's `Id` as a string; it is the task id, so an int32 here. Decision: the page lists
         *     no 404; REST endpoints answer an unknown id with 404 (REST WebAPI concept page).
         */
        put: operations["v1Batch_UpdateBatchTask"];
        post?: never;
        /**
         * Delete a batch task
         * @description Delete a batch task from the database. Decision: the page names its response body
         *     "TimeZoneData" and shows `null` under its 204 sample; a 204 has no body, so none is
         *     described. Decision: the page lists no 404; REST endpoints answer an unknown id with 404.
         *     Decision: the headers are the page's: of the SO-* family it lists only SO-AppToken, and it
         *     lists neither Accept-Language nor SO-Language, SO-Culture or SO-TimeZone, so they are not
         *     described here (as on the two Agents deletes). A 204 has no body to translate, format or
         *     convert dates in. The page's sample request still sends `Accept-Language`, and a client may
         *     send these headers with every call (the typed client does); nothing in the 204 depends on them.
         */
        delete: operations["v1Batch_DeleteBatchTask"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/BatchTask/{id}/Stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop a batch job
         * @description Ask the job of a running batch task to stop; the answer says whether it was stopped.
         *     Decision: the reference page takes its samples from files that are not published, so the
         *     examples here are written for this spec. The page's 400 says "Entity to save is not in
         *     request body", copied from a save endpoint: this call takes no body, so here 400 means an
         *     id the server cannot use.
         */
        post: operations["v1Batch_StopBatchJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * BatchTaskInfo
         * @description BatchTaskInfo contains information about one batch task: who owns it, what it runs, its state
         *     and its progress.
         *
         *     Decision (nullability): every property is nullable. `$select` nulls out the properties it
         *     leaves out, whatever their type, and the reference pages' own samples carry `null` for
         *     `TableRight` and `FieldRight`. Without `$select`, the number, boolean and date properties are
         *     never null: `x-so-batch-never-null` lists them, and the generators read it (the client types a
         *     full answer's `Id` as `number`, and a `$select` answer's selected `Id` too; the contract tests
         *     hold the mock's full answers to it). Decision (presence): the server sends every property; `FileName` and
         *     `CancellationBehaviour` are missing from older editions of the pages (and servers), so a
         *     response need not carry them, while all others are required in responses.
         */
        BatchTaskInfo: WithRequired<components["schemas"]["BatchTaskInfoFields"], "Id" | "Name" | "AssociateId" | "DetailsTable" | "DetailsRecord" | "IsSystemTask" | "IsInternalTask" | "ParameterObject" | "LastStarted" | "Created" | "StartCount" | "DatabaseSerialNumber" | "Context" | "Result" | "State" | "Description" | "Response" | "Request" | "ProgressDescription" | "ProgressPercent" | "TableRight" | "FieldProperties">;
        /**
         * BatchTaskInfoFields
         * @description The properties of a BatchTaskInfo, none of them required: the shape a request sends. Responses
         *     use BatchTaskInfo, which requires them.
         */
        BatchTaskInfoFields: {
            /**
             * Format: int32
             * @description Id of the task.
             */
            Id?: number | null;
            /** @description Name of the task; for StartBatchJob, the name of the job to run. */
            Name?: string | null;
            /**
             * Format: int32
             * @description Task owner. If it is a system task, AssociateId = 0.
             */
            AssociateId?: number | null;
            /**
             * Format: int32
             * @description Id of the table with more information about the task.
             */
            DetailsTable?: number | null;
            /**
             * Format: int32
             * @description Record id of a row in the DetailsTable with more information about the task.
             */
            DetailsRecord?: number | null;
            /** @description If true, the task was not initiated by an associate. */
            IsSystemTask?: boolean | null;
            /** @description If true, the task adds no trace to the database. */
            IsInternalTask?: boolean | null;
            /**
             * @description The job's parameters, each a name and a string value. The server serializes it to a binary
             *     blob in the BinaryObject table, linked through DetailsTable and DetailsRecord.
             *
             *     Decision: a dictionary of strings, as the server has it. SuperOffice's own OpenAPI files
             *     (SuperOfficeDevNet/mintlify-docs, openapi-v3-BatchAgent.json and openapi-v3-BatchTask.json)
             *     give `additionalProperties: {type: string}`; its SOAP reference types it StringDictionary,
             *     with xsd:string values; and every page sample shows string values. A number, boolean,
             *     object or array value is refused with 400 naming `ParameterObject.<key>`: send it as text
             *     (`"3"`, `"true"`, or JSON in a string).
             */
            ParameterObject?: {
                [key: string]: string;
            } | null;
            /** @description When the task was last started. */
            LastStarted?: components["schemas"]["DateTime"] | null;
            /** @description When the task was created. */
            Created?: components["schemas"]["DateTime"] | null;
            /**
             * Format: int32
             * @description How many times the task has been started (the startcount field of the batchtask table).
             */
            StartCount?: number | null;
            /** @description Serial number of the database the task is to run on. */
            DatabaseSerialNumber?: string | null;
            /** @description Context for the executing task. */
            Context?: string | null;
            /** @description The task's result (the result field of the batchtask table). */
            Result?: string | null;
            /** @description The task's state. */
            State?: components["schemas"]["BatchTaskState"] | null;
            /** @description Description of the task. */
            Description?: string | null;
            /** @description The response field of the batchtask table. */
            Response?: string | null;
            /** @description The request field of the batchtask table. */
            Request?: string | null;
            /** @description Descriptive text for the current stage. */
            ProgressDescription?: string | null;
            /**
             * Format: int32
             * @description Task progress, in percent of the estimated total. Decision: no 0..100 bound; the pages'
             *     samples carry values such as 681, and the server does not clamp what a job reports.
             */
            ProgressPercent?: number | null;
            /** @description The file name related to the batch task. */
            FileName?: string | null;
            /** @description Whether the task can be stopped. */
            CancellationBehaviour?: components["schemas"]["BatchTaskCancellationBehaviour"] | null;
            /** @description The caller's rights on this task's row; null when the server does not compute them. */
            TableRight?: components["schemas"]["TableRight"] | null;
            /** @description Field name to the caller's rights on that field, its type and length. */
            FieldProperties?: components["schemas"]["FieldProperties"] | null;
        };
        /**
         * DateTime
         * @description An ISO 8601 date and time, such as `2017-07-03T02:49:43.7004017+02:00`. With the
         *     `SO-TimeZone` header and no `includeTZOffset`, the server converts dates to that zone and
         *     leaves the offset off (`2018-12-24T07:34:45`), which is why a local date-time is also valid.
         */
        DateTime: string;
        /**
         * BatchTaskState
         * @description The state of a batch task, sent by name. The numeric values are the server's:
         *     Unknown = 0, New = 1, Aquired = 2, Started = 3, Succeeded = 4, Failed = 5,
         *     SucceededManualCleanup = 6, All = 99999. `Aquired` is the wire spelling: keep it.
         *     Succeeded, Failed and SucceededManualCleanup are final. `All` is a query value ("any state");
         *     the pages' generated samples also show it on tasks.
         * @enum {string}
         */
        BatchTaskState: "Unknown" | "New" | "Aquired" | "Started" | "Succeeded" | "Failed" | "SucceededManualCleanup" | "All";
        /**
         * BatchTaskCancellationBehaviour
         * @description Whether a batch task can be cancelled: CanCancel = 0, CancelWithWarning = 1 (the user
         *     interface shows a warning, string SR_BATCH_<snakeCaseName>_CANCELLATION), CannotCancel = 2.
         * @enum {string}
         */
        BatchTaskCancellationBehaviour: "CanCancel" | "CancelWithWarning" | "CannotCancel";
        /**
         * TableRight
         * @description The caller's rights on a row, and why they are restricted.
         */
        TableRight: {
            Mask: components["schemas"]["ETableRight"];
            /** @description Why the rights are restricted; empty when they are not. */
            Reason: string | null;
        };
        /**
         * ETableRight
         * @description The caller's permissions on a row: a .NET flags enum, sent as the names of the set flags
         *     joined by ", " (`"Select, Update"`), or as one name for a value (`"FULL"`, `"Delete"`).
         *     The values and their meanings, from the ETableRight concept page:
         *
         *     | name | value | meaning |
         *     | --- | --- | --- |
         *     | `None` | 0 | The row should be hidden from the user. |
         *     | `Select` | 1 | The user is allowed to see the row. |
         *     | `Update` | 2 | The user is allowed to modify the values in this row. |
         *     | `Insert` | 4 | The user is allowed to add new rows to the table. |
         *     | `Delete` | 8 | The user is allowed to delete this row. |
         *     | `Filtering` | 16 | Some fields may be hidden. |
         *     | `RestrictedUpdate` | 32 | A hint: some fields may not be updatable, even though the user may update the row. |
         *     | `Unused1` | 64 | Unused; present only for serialization. |
         *     | `Uninitialized` | 128 | A magic value: the rights are not initialized (the page's sentence breaks off after "not"). |
         *
         *     Aliases for combinations: `R` = 1 (Select only), `UR` = 3 (Select and Update), `RI` = 5
         *     (Select and Insert, anonymous), `URI` = 7 (Select, Update, Insert), `UDR` = 11 (Select, Update,
         *     Delete), `FULL` = 15 (Select, Update, Insert, Delete: no restrictions), `F` = 16 (just
         *     Filtering), `RF` = 17 (Select and Filtering), `FI` = 20 (Filtering and Insert, anonymous).
         *     Decision: the page describes UR as "Select or Update" and RF as "Select or Filter"; their
         *     values (3 and 17) set both flags, so both are read as set (as the typed client does).
         * @example FULL
         * @example Select, Update
         * @example Delete
         */
        ETableRight: string;
        /**
         * FieldRight
         * @description The caller's rights on one field, and why they are restricted.
         */
        FieldRight: {
            Mask: components["schemas"]["EFieldRight"];
            /** @description Why the field is restricted (a string resource id, or its text when a language is set). */
            Reason: string | null;
        };
        /**
         * EFieldRight
         * @description The caller's access to one field: a .NET flags enum, sent as the names of the set flags joined
         *     by ", " (`"Update, UIHintMandatory"`). The values and their meanings, from the EFieldRight
         *     concept page:
         *
         *     | name | value | meaning |
         *     | --- | --- | --- |
         *     | `None` | 0 | Hidden from the user. |
         *     | `Read` | 1 | Read-only right. |
         *     | `Write` | 2 | Write-only (the page: "not terribly useful"). |
         *     | `Update` | 3 | Read and Write combined. |
         *     | `Unused1` | 4 | No meaning given. |
         *     | `Unused2` | 8 | No meaning given. |
         *     | `Unused3` | 16 | No meaning given. |
         *     | `Nullable` | 32 | The field can have NULL as a valid value. |
         *     | `UIHintMandatory` | 64 | The field must be filled out (not blank). |
         *     | `UIHintReadOnly` | 128 | The field can only be read, not updated, in the user interface. |
         *     | `UIHints` | 192 | UIHintMandatory and UIHintReadOnly: rights applied only in the user interface, treated as deny rights. |
         *     | `UndefinedValue256` | 256 | Undefined, generated value 256. |
         *
         *     Decision: the reference page gives 32 to both `Unused4` and `Nullable`; .NET serializes a
         *     shared value by one name, and `Nullable` is the documented meaning, so both names are accepted
         *     and `Nullable` is the one to expect.
         *
         *     Decision (`FULL`): the EFieldRight page has no `FULL`, but the pages' samples use it as a
         *     field mask (`"FieldRight": {"Mask": "FULL"}`), so it is accepted. No page says what it means
         *     for a field. The typed client reads it as `Read` and `Write` (= `Update`, 3): all the access
         *     a field right grants, as ETableRight's `FULL` is all the access a row right grants. It is not
         *     read as setting `Nullable` or the UI hints, which are properties of the field, not access.
         * @example Update
         * @example Update, UIHintMandatory
         */
        EFieldRight: string;
        /**
         * FieldProperties
         * @description Field name to the caller's rights on that field, its .NET type and its length.
         */
        FieldProperties: {
            [key: string]: components["schemas"]["FieldProperty"];
        };
        /**
         * FieldProperty
         * @description The caller's rights on one field, with the field's type and length.
         */
        FieldProperty: {
            /** @description The caller's rights on the field; null when the server does not compute them. */
            FieldRight: components["schemas"]["FieldRight"] | null;
            /** @description The .NET type of the field, such as `System.Int32`. */
            FieldType: string | null;
            /**
             * Format: int32
             * @description The field's maximum length.
             */
            FieldLength: number;
        };
        /**
         * GetBatchTaskInfoRequest
         * @description The task to get. Decision: `Id` is required and no other property is allowed: the server
         *     would bind a missing or misspelt `Id` as 0 and answer null, which hides the mistake.
         */
        GetBatchTaskInfoRequest: {
            /**
             * Format: int32
             * @description Id of the BatchTaskInfo to get.
             */
            Id: number;
        };
        /**
         * GetBatchTaskInfosByAssociatesRequest
         * @description The associates whose tasks to get. Decision: `AssociateIds` is required and no other property
         *     is allowed, so that a misspelt name is an error, not an empty answer.
         */
        GetBatchTaskInfosByAssociatesRequest: {
            /** @description Ids of the associates (task owners) whose tasks to get. */
            AssociateIds: number[];
        };
        /**
         * UpdateBatchTaskRequest
         * @description The task to update, wrapped in `BatchTaskInfo`. Only State, Description, Response and Request
         *     are updated; the server ignores changes to the other properties. `BatchTaskInfo.Id` says
         *     which task, so it is required. Decision: `BatchTaskInfo` may be null, as in the newer edition
         *     of the reference page's sample; the server then has nothing to update, and the typed client
         *     never sends it.
         */
        UpdateBatchTaskRequest: {
            /** @description The task, with its Id and the new State, Description, Response and Request. */
            BatchTaskInfo: WithRequired<components["schemas"]["BatchTaskInfoFields"], "Id"> | null;
        };
        /**
         * StartBatchJobRequest
         * @description The job to start, wrapped in `BatchTaskInfo`. `Name` names the job, so it is required;
         *     `ParameterObject` carries its parameters. Decision: `BatchTaskInfo` may be null, as in the
         *     newer edition of the reference page's sample; the server then has nothing to start, and the
         *     typed client never sends it.
         */
        StartBatchJobRequest: {
            /** @description The job to start; the server assigns the Id, state and times. */
            BatchTaskInfo: WithRequired<components["schemas"]["BatchTaskInfoFields"], "Name"> | null;
        };
        /**
         * AgentRequestInvalid
         * @description What an Agents endpoint may answer with 200 when it cannot use its input, such as a missing
         *     required parameter (see the Agents WebAPI concept page: check the body, not only the status).
         */
        AgentRequestInvalid: {
            /** @description What went wrong, such as "The request is invalid.". */
            Message: string;
            /** @description The detail, such as which parameter was missing. */
            MessageDetail?: string;
        };
        /**
         * ErrorBody
         * @description The SuperOffice error body, sent with 4xx and 5xx statuses.
         */
        ErrorBody: {
            /**
             * @description Always true.
             * @constant
             */
            Error: true;
            /** @description The kind of error, such as `SoNotFoundException` or `BadRequest`. */
            ErrorType: string;
            /** @description What went wrong, in words. */
            ErrorMessage: string;
            /** @description Where the error came from. */
            ErrorSource?: string;
        };
        /**
         * DeleteBatchTaskRequest
         * @description The task to delete.
         *
         *     Decision: every property the reference page lists is required and no other property is
         *     allowed. The server would bind a missing or misspelt property as its default (0, null, an
         *     empty list) and answer as if nothing matched, which hides the mistake.
         */
        DeleteBatchTaskRequest: {
            /**
             * Format: int32
             * @description Id of the batch task to delete.
             */
            BatchTaskId: number;
        };
        /**
         * DeleteBatchTasksRequest
         * @description The tasks to delete.
         *
         *     Decision: every property the reference page lists is required and no other property is
         *     allowed. The server would bind a missing or misspelt property as its default (0, null, an
         *     empty list) and answer as if nothing matched, which hides the mistake.
         */
        DeleteBatchTasksRequest: {
            /** @description Ids of the batch tasks to delete. */
            BatchTaskIds: number[];
        };
        /**
         * StopBatchJobRequest
         * @description The job to stop.
         *
         *     Decision: every property the reference page lists is required and no other property is
         *     allowed. The server would bind a missing or misspelt property as its default (0, null, an
         *     empty list) and answer as if nothing matched, which hides the mistake.
         */
        StopBatchJobRequest: {
            /**
             * Format: int32
             * @description Id of the batch task whose job to stop.
             */
            Id: number;
        };
        /**
         * GetBatchTaskInfosByStateRequest
         * @description The state of the caller's tasks to get.
         *
         *     Decision: every property the reference page lists is required and no other property is
         *     allowed. The server would bind a missing or misspelt property as its default (0, null, an
         *     empty list) and answer as if nothing matched, which hides the mistake.
         */
        GetBatchTaskInfosByStateRequest: {
            /** @description The state of the tasks to get; `All` for every state. */
            State: components["schemas"]["BatchTaskState"];
        };
        /**
         * GetBatchTaskInfosByAssociatesAndStateRequest
         * @description The associates and the state of the tasks to get.
         *
         *     Decision: every property the reference page lists is required and no other property is
         *     allowed. The server would bind a missing or misspelt property as its default (0, null, an
         *     empty list) and answer as if nothing matched, which hides the mistake.
         */
        GetBatchTaskInfosByAssociatesAndStateRequest: {
            /** @description Ids of the associates (task owners) whose tasks to get. */
            AssociateIds: number[];
            /** @description The state of the tasks to get; `All` for every state. */
            State: components["schemas"]["BatchTaskState"];
        };
        /**
         * GetBatchTaskInfosByNameAndAssociatesRequest
         * @description The name (as `Name`) and the associates of the tasks to get.
         *
         *     Decision: every property the reference page lists is required and no other property is
         *     allowed. The server would bind a missing or misspelt property as its default (0, null, an
         *     empty list) and answer as if nothing matched, which hides the mistake.
         *
         *     Decision (`Name` or `TaskName`): the pages of GetBatchTaskInfosByNameAndAssociates and
         *     GetBatchTaskInfosByNameAndState call the task name `Name`; those of GetAllBatchTaskInfosByName,
         *     GetAllBatchTaskInfosByNameAndState, GetSystemBatchTaskInfosByName and
         *     GetSystemBatchTaskInfosByNameAndState call it `TaskName`. Both mean the same (the name of the
         *     task's job), but the spec keeps each page's wire name rather than one shared name: the server
         *     binds a body by property name, so a call that sent the other name would have its task name
         *     read as missing (null) and would find nothing.
         */
        GetBatchTaskInfosByNameAndAssociatesRequest: {
            /** @description The task name (the name of its job) to match. */
            Name: string;
            /** @description Ids of the associates (task owners) whose tasks to get. */
            AssociateIds: number[];
        };
        /**
         * GetBatchTaskInfosByNameAndStateRequest
         * @description The name (as `Name`) and the state of the caller's tasks to get.
         *
         *     Decision: every property the reference page lists is required and no other property is
         *     allowed. The server would bind a missing or misspelt property as its default (0, null, an
         *     empty list) and answer as if nothing matched, which hides the mistake.
         *
         *     Decision (`Name` or `TaskName`): the pages of GetBatchTaskInfosByNameAndAssociates and
         *     GetBatchTaskInfosByNameAndState call the task name `Name`; those of GetAllBatchTaskInfosByName,
         *     GetAllBatchTaskInfosByNameAndState, GetSystemBatchTaskInfosByName and
         *     GetSystemBatchTaskInfosByNameAndState call it `TaskName`. Both mean the same (the name of the
         *     task's job), but the spec keeps each page's wire name rather than one shared name: the server
         *     binds a body by property name, so a call that sent the other name would have its task name
         *     read as missing (null) and would find nothing.
         */
        GetBatchTaskInfosByNameAndStateRequest: {
            /** @description The task name (the name of its job) to match. */
            Name: string;
            /** @description The state of the tasks to get; `All` for every state. */
            State: components["schemas"]["BatchTaskState"];
        };
        /**
         * TaskNameRequest
         * @description The task name to match, as `TaskName`.
         *
         *     Decision: every property the reference page lists is required and no other property is
         *     allowed. The server would bind a missing or misspelt property as its default (0, null, an
         *     empty list) and answer as if nothing matched, which hides the mistake.
         *
         *     Decision (`Name` or `TaskName`): the pages of GetBatchTaskInfosByNameAndAssociates and
         *     GetBatchTaskInfosByNameAndState call the task name `Name`; those of GetAllBatchTaskInfosByName,
         *     GetAllBatchTaskInfosByNameAndState, GetSystemBatchTaskInfosByName and
         *     GetSystemBatchTaskInfosByNameAndState call it `TaskName`. Both mean the same (the name of the
         *     task's job), but the spec keeps each page's wire name rather than one shared name: the server
         *     binds a body by property name, so a call that sent the other name would have its task name
         *     read as missing (null) and would find nothing.
         */
        TaskNameRequest: {
            /** @description The task name (the name of its job) to match. */
            TaskName: string;
        };
        /**
         * TaskNameAndStateRequest
         * @description The task name (as `TaskName`) and the state of the tasks to get.
         *
         *     Decision: every property the reference page lists is required and no other property is
         *     allowed. The server would bind a missing or misspelt property as its default (0, null, an
         *     empty list) and answer as if nothing matched, which hides the mistake.
         *
         *     Decision (`Name` or `TaskName`): the pages of GetBatchTaskInfosByNameAndAssociates and
         *     GetBatchTaskInfosByNameAndState call the task name `Name`; those of GetAllBatchTaskInfosByName,
         *     GetAllBatchTaskInfosByNameAndState, GetSystemBatchTaskInfosByName and
         *     GetSystemBatchTaskInfosByNameAndState call it `TaskName`. Both mean the same (the name of the
         *     task's job), but the spec keeps each page's wire name rather than one shared name: the server
         *     binds a body by property name, so a call that sent the other name would have its task name
         *     read as missing (null) and would find nothing.
         */
        TaskNameAndStateRequest: {
            /** @description The task name (the name of its job) to match. */
            TaskName: string;
            /** @description The state of the tasks to get; `All` for every state. */
            State: components["schemas"]["BatchTaskState"];
        };
        /**
         * AgentBatchTaskInfoAnswer
         * @description What an Agents call that returns one task answers with 200: the task; null when there is no
         *     such task, or the call failed; or AgentRequestInvalid when the server could not use the input.
         */
        AgentBatchTaskInfoAnswer: components["schemas"]["BatchTaskInfo"] | null | components["schemas"]["AgentRequestInvalid"];
        /**
         * AgentBatchTaskInfoListAnswer
         * @description What an Agents call that returns tasks answers with 200: the tasks (an empty array when none
         *     match); null when the call failed; or AgentRequestInvalid when the server could not use the
         *     input.
         */
        AgentBatchTaskInfoListAnswer: components["schemas"]["BatchTaskInfo"][] | null | components["schemas"]["AgentRequestInvalid"];
        /**
         * ODataSlimResponse
         * @description One page of an OData list (the "BatchTasks" archive). Each row carries `PrimaryKey` and
         *     `EntityName` and one property per selected column, named as the column (`$jsonSafe` makes the
         *     names JSON-safe); which columns exist is the archive's, so rows are open objects.
         */
        ODataSlimResponse: {
            /** @description Address of the OData metadata document. */
            "odata.metadata"?: string;
            /** @description Address of the next page; missing or null on the last page. */
            "odata.nextLink"?: string | null;
            /** @description The rows of this page. */
            value: components["schemas"]["ArchiveRow"][];
        };
        /**
         * ArchiveRow
         * @description One row of an archive list: its key, its entity, and the selected columns.
         */
        ArchiveRow: {
            /**
             * Format: int32
             * @description The row's primary key (for BatchTasks, the task id).
             */
            PrimaryKey: number;
            /** @description The entity the row is, such as `batchtask`. */
            EntityName: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * RestStartBatchJobBody
         * @description The job to start, as a bare BatchTaskInfo; `Name` names the job, so it is required.
         */
        RestStartBatchJobBody: WithRequired<components["schemas"]["BatchTaskInfoFields"], "Name">;
    };
    responses: {
        /**
         * @description The request is malformed: its body is not valid JSON or XML, or does not match the schema, or
         *     a parameter has a wrong value.
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "Error": true,
                 *       "ErrorType": "BadRequest",
                 *       "ErrorMessage": "The request body is not valid JSON: Unexpected end of JSON input",
                 *       "ErrorSource": "SuperOffice.WebApi"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
                "text/json": components["schemas"]["ErrorBody"];
                "application/xml": components["schemas"]["ErrorBody"];
                "text/xml": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description No valid credentials: no Authorization or X-XSRF-TOKEN header, a scheme other than Basic,
         *     SOTicket or Bearer, or credentials the server does not accept.
         */
        Unauthorized: {
            headers: {
                /** @description The schemes the server accepts. */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "Error": true,
                 *       "ErrorType": "Unauthorized",
                 *       "ErrorMessage": "Authorization required: send Basic, SOTicket or Bearer credentials, or an X-XSRF-TOKEN header.",
                 *       "ErrorSource": "SuperOffice.WebApi"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
                "text/json": components["schemas"]["ErrorBody"];
                "application/xml": components["schemas"]["ErrorBody"];
                "text/xml": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The request body is larger than the server accepts.
         *
         *     Decision: no reference page lists 413; every operation that takes a body declares it all the
         *     same. The so-batch mock refuses a body over its limit with 413 (this error body), and any
         *     server has to refuse a body it will not read; the pages say neither what the real server's
         *     limit is nor how it answers, so a client should treat this status as "too large" whatever
         *     the body says.
         */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "Error": true,
                 *       "ErrorType": "PayloadTooLarge",
                 *       "ErrorMessage": "The request body is larger than 1048576 bytes.",
                 *       "ErrorSource": "SuperOffice.WebApi"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
                "text/json": components["schemas"]["ErrorBody"];
                "application/xml": components["schemas"]["ErrorBody"];
                "text/xml": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The request body has a Content-Type that the operation does not accept.
         *
         *     Decision: no reference page lists 415; every operation that takes a body declares it all the
         *     same. The so-batch mock refuses, with 415, a Content-Type the operation does not describe,
         *     and any server has to refuse a body it cannot read. That includes the form and patch types
         *     the pages list but this document leaves out (each request body's Decision says why): a real
         *     server may accept those.
         */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "Error": true,
                 *       "ErrorType": "UnsupportedMediaType",
                 *       "ErrorMessage": "Content-Type text/plain is not supported: send application/json, text/json, application/xml or text/xml.",
                 *       "ErrorSource": "SuperOffice.WebApi"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
                "text/json": components["schemas"]["ErrorBody"];
                "application/xml": components["schemas"]["ErrorBody"];
                "text/xml": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description No room for another task.
         *
         *     Decision: no reference page lists 409, and a real server keeps its tasks in a database with
         *     no such limit. The so-batch mock keeps at most `maxTasks` tasks (1000 by default): past it
         *     it forgets the oldest finished task, never a running one, and when every task it keeps is
         *     running it refuses the start with 409 (this error body). Stopping or deleting a task makes
         *     room; so does a mock started with a larger `maxTasks`.
         */
        StoreFull: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "Error": true,
                 *       "ErrorType": "Conflict",
                 *       "ErrorMessage": "The mock's store is full: it keeps 1000 tasks (maxTasks), all of them running, and forgets only ended ones. Stop or delete a task, or start the mock with a larger maxTasks.",
                 *       "ErrorSource": "SuperOffice.WebApi"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
                "text/json": components["schemas"]["ErrorBody"];
                "application/xml": components["schemas"]["ErrorBody"];
                "text/xml": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The update is refused, and nothing is changed.
         *
         *     - As BadRequest: the body is not valid JSON or XML, nests more than 64 levels deep, or does
         *       not match the schema.
         *     - `State` is `All`: a filter of the list calls, not a state a task can be in.
         *     - `Description`, `Response` or `Request` is longer than 8192 characters.
         *
         *     Decision: the pages list no reasons for this 400. `All` is a BatchTaskState value only for the
         *     list calls; a server cannot store it as a task's state, and the so-batch mock refuses it. The
         *     8192 is the mock's `maxStringLength` (a mock started with another value refuses past that); a
         *     real server's limits are its database columns', which the pages do not give.
         */
        UpdateRefused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "Error": true,
                 *       "ErrorType": "BadRequest",
                 *       "ErrorMessage": "State \"All\" is a filter of the list calls, not a state a task can be in: use one of Unknown, New, Aquired, Started, Succeeded, Failed, SucceededManualCleanup.",
                 *       "ErrorSource": "SuperOffice.WebApi"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
                "text/json": components["schemas"]["ErrorBody"];
                "application/xml": components["schemas"]["ErrorBody"];
                "text/xml": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The start is refused, and no task is made.
         *
         *     - As BadRequest: the body is not valid JSON or XML, nests more than 64 levels deep, or does
         *       not match the schema.
         *     - `Name`, `Description`, `Context` or `Request` is longer than 8192 characters, or another
         *       string property the spec adds to BatchTaskInfo is.
         *     - `ParameterObject` (or another object-valued property) takes more than 16384 bytes as JSON.
         *     - A `ParameterObject` value is not a string (the message names `ParameterObject.<key>`).
         *     - `Name` is missing or blank, over REST (`POST /api/v1/BatchTask`). The Agents endpoint
         *       answers a blank name with 200 and a null body, as its page's null answer says.
         *
         *     Decision: the pages list no reasons for this 400. The 8192 characters are the so-batch mock's
         *     `maxStringLength` default (a mock started with another value refuses past that), the 16 KiB
         *     its fixed limit on a parameter object; a real server's limits are its database columns',
         *     which the pages do not give. The 409 StoreFull is the mock's other limit on a start.
         */
        StartRefused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "Error": true,
                 *       "ErrorType": "BadRequest",
                 *       "ErrorMessage": "ParameterObject is 20012 bytes of JSON; the mock stores at most 16384.",
                 *       "ErrorSource": "SuperOffice.WebApi"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
                "text/json": components["schemas"]["ErrorBody"];
                "application/xml": components["schemas"]["ErrorBody"];
                "text/xml": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The OData query is refused.
         *
         *     - `$select` or `$orderBy` names an unknown column, an aggregate or a modifier; `$orderBy`
         *       has a word other than asc or desc after a column.
         *     - `$filter` is not in the page's grammar (an unknown operator, `or`, `not`, parentheses).
         *     - `$top` or `$skip` is not a whole number from 0 to 2147483647; `$mode`, `$format` or
         *       `$jsonSafe` is not one of its values; `$entities` names an entity other than `batchtask`.
         *     - A `$` parameter is longer than 4096 characters (the so-batch mock's limit).
         *
         *     The message names the parameter and where in it the problem is. Decision: the reference page
         *     lists 400 without reasons; these are the so-batch mock's, each parameter's own description
         *     says how it reads its value.
         */
        ODataRefused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "Error": true,
                 *       "ErrorType": "BadRequest",
                 *       "ErrorMessage": "The OData query cannot be read: $top at position 0: expected a whole number from 0 to 2147483647, found '-1'.",
                 *       "ErrorSource": "SuperOffice.WebApi"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
                "text/json": components["schemas"]["ErrorBody"];
                "application/xml": components["schemas"]["ErrorBody"];
                "text/xml": components["schemas"]["ErrorBody"];
            };
        };
        /** @description There is no batch task with that id, or the caller may not see it. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "Error": true,
                 *       "ErrorType": "SoNotFoundException",
                 *       "ErrorMessage": "BatchTask id 99999 not found",
                 *       "ErrorSource": "SuperOffice.Services.Implementation"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
                "text/json": components["schemas"]["ErrorBody"];
                "application/xml": components["schemas"]["ErrorBody"];
                "text/xml": components["schemas"]["ErrorBody"];
            };
        };
    };
    parameters: {
        /**
         * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
         *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
         * @example en
         */
        AcceptLanguage: string;
        /**
         * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
         *     Accept-Language. `*` or `x` cancels translation.
         * @example nb-no
         */
        SOLanguage: string;
        /**
         * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
         *     strings. Defaults to the language; ignored when no language is set.
         * @example sv
         */
        SOCulture: string;
        /**
         * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
         *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
         * @example NO, includeTZOffset
         */
        SOTimeZone: string;
        /**
         * @description The application token (client secret) that identifies the partner application. Required by
         *     SuperOffice Online when a server calls with an SOTicket.
         * @example f2398a3a7wer3759d4b220e9a9c94321
         */
        SOAppToken: string;
        /**
         * @description Comma-separated names of the properties to fill in (case-insensitive); every other property
         *     comes back null, to make the answer smaller. Without it, every property is filled in.
         * @example Id,Name,State,ProgressPercent
         */
        Select: string;
        /**
         * @description Comma-separated column names of the BatchTasks archive to return (case-insensitive; rows spell
         *     them as the archive's table does); aggregates and modifiers too (`Count(name):Footer`). Every row also carries
         *     `PrimaryKey` (the task id) and `EntityName` (`batchtask`). The columns, their kinds and the
         *     ones rows carry without `$select` are the tables under GET /api/v1/BatchTask (the spec's
         *     `x-so-batch-archive`, components/archive.yaml, which also says how the columns were chosen).
         *
         *     Decision: the mock answers column names only: it refuses an aggregate, a modifier or an
         *     unknown column with 400, naming it.
         * @example name,state,progressPercent
         */
        ODataSelect: string;
        /**
         * @description Restricts the rows: conditions on columns (`name begins 'Export'`), joined with `and` as in
         *     the page's examples. The columns are $select's.
         *     The operators and functions, with the kinds of column each applies to, are the tables under
         *     GET /api/v1/BatchTask (the spec's `x-so-batch-archive`, components/archive.yaml); the
         *     reference page lists the same names by kind.
         *
         *     Decision: `begins` is missing from the page's list of string operators, but the page's own
         *     examples use it (`name begins 'foo'`, `$filter=name begins 'S'`), so it is listed. The value
         *     stays a free string: the spec does not parse the expression, the server does.
         *
         *     Decision (how the so-batch mock reads it; the pages give operator names, not a grammar):
         *
         *     - a condition is `column operator value`, `column operator (v1, v2, ...)` for the operators
         *       of two or more values, `column operator` for the unary ones (the archive's table gives each
         *       operator's form), or a function call; conditions are joined with `and`.
         *       `or`, `not` and grouping parentheses are not in the page and are refused (400), as is
         *       anything else the mock cannot read; the error names the position and the construct.
         *       Column, operator and function names are case-insensitive;
         *     - values: strings in single quotes (`''` for a quote), whole numbers, `true` / `false`, ISO
         *       dates (`'2026-11-29'`, `'2026-11-29T10:00:00Z'`; no offset means UTC); a list id by its
         *       number or its name (`state eq 3`, `state eq Started`);
         *     - which operator applies to which kind of column is the archive's table (the page groups the
         *       names by kind; `eq` / `ne` also apply to strings, list ids and yes/no, as the page's
         *       `col1 eq 'foo'` does); `set` (unary) means "has a value other than 0" (yes/no: true);
         *       `between` includes both ends;
         *     - strings compare case-insensitively, and a missing string reads as `''`; a missing number,
         *       list id or date matches only `ne`, `unequals`, `NotOneOf` and `associateIsNotOneOf`;
         *     - `substringof(value, column)` (OData's order; `(column, value)` reads too),
         *       `startswith(column, value)`, `endswith(column, value)`, optionally `eq true` / `eq false`;
         *     - dates compare by UTC day: `before` the day, `after` it, `date` on it, `dateBetween` from the
         *       first day to the last, both included. Periods (`day`, `week`, `month`, `quarter`, `half`,
         *       `year`) are UTC calendar periods, weeks from Monday: `this(created, week)` is the current
         *       week, `next(f, n, period)` the n periods after it, `previous(f, n, period)` the n before it,
         *       `thisAndNext` / `thisAndPrevious` add the current one, `thisAndPreviousAndNext(f, period)`
         *       is the previous, current and next period; `lastWeek` is `previous(f, 1, week)`, and so on;
         *     - `currentAssociate` is the caller's associate id; `beforeToday`, which the page lists both
         *       as a date operator and as a unary one, takes no value;
         *     - the limits on one query (characters, conditions, list values) are the archive's.
         * @example name begins 'Export' and state eq 3
         */
        ODataFilter: string;
        /**
         * @description Comma-separated columns to sort by (the columns are $select's, case-insensitive), each with
         *     an optional `asc` (the default) or `desc`. Rows equal on every column come in `PrimaryKey`
         *     order; without `$orderBy`, rows come in `PrimaryKey` order.
         *
         *     Decision: the pages do not say how values sort. The spec takes the database's way: strings
         *     case-insensitively, list ids (`state`) by their number, missing values first when ascending.
         *
         *     Decision: the reference page's introduction writes `$orderby=abc/col3,col1`, while its
         *     parameter table and its sample request write `$orderBy`. The spec uses `$orderBy`, the
         *     table's name. The pages do not say that the server reads OData option names
         *     case-insensitively, so the spec does not promise that `$orderby` works: send `$orderBy`.
         * @example name asc,lastStarted desc
         */
        ODataOrderBy: string;
        /**
         * @description Comma-separated entity names to use (archive-specific); empty by default.
         * @example batchtask
         */
        ODataEntities: string;
        /**
         * @description How many rows to return at most, over all pages. One answer carries at most 50 rows; when more
         *     remain (within `$top`), `odata.nextLink` is the address of the next page, with `$skip`
         *     advanced and `$top` reduced by the rows already sent; it is missing on the last page.
         *
         *     Decision: the pages do not give the server's page size, nor whether `odata.nextLink` is left
         *     out or null on the last page. The spec takes 50 rows, so that a long list comes back in
         *     pages of a bounded size, and a client must accept either form on the last page; following
         *     the links visits every row once.
         * @example 100
         */
        ODataTop: number;
        /**
         * @description How many rows to skip before the first one returned.
         * @example 100
         */
        ODataSkip: number;
        /**
         * @description `Full` (raw values and display hints for each value), `Wide`, or `Slim` (display values only).
         *
         *     Decision: the values are the page's enum as its table spells it (`Slim, Wide, Full`; sample
         *     `$mode=Full`). The page also writes `$mode=full` in its introduction and `FULL` / `SLIM` in
         *     the table's description, but does not say that the server ignores case, so only the table's
         *     spelling is described. The page does not explain `Wide`.
         *
         *     Decision (the rows' values, which the pages do not show beyond numbers and strings): in
         *     `Slim`, each column is its display value: numbers and yes/no as JSON numbers and booleans,
         *     list ids by name (`"state": "Started"`), dates as ISO strings, a missing value as null. In
         *     `Full`, each column is an object with the raw value and its display text:
         *     `{"RawValue": 3, "DisplayValue": "Started"}`. `Wide` is answered as `Slim`, since the pages
         *     do not say what it adds.
         * @example Full
         */
        ODataMode: "Slim" | "Wide" | "Full";
        /**
         * @description Provider-specific options.
         * @example GrandTotal=true
         */
        ODataOptions: string;
        /**
         * @description Provider-specific context.
         * @example mine
         */
        ODataContext: string;
        /**
         * @description `JSON` or `XML`: overrides the format the Accept header chose.
         *
         *     Decision: the page types `$format` as a free string but names only XML and JSON, so the spec
         *     narrows it to those two, spelt as the page's sample (`$format=JSON`). The pages do not say
         *     whether the server takes other spellings (`json`) or other formats.
         * @example JSON
         */
        ODataFormat: "JSON" | "XML";
        /**
         * @description Make the column names JSON-safe property names (unsafe characters become `_`).
         *
         *     Decision: the page types `$jsonSafe` as `bool`, and its sample sends `$jsonSafe=False`: the
         *     .NET spelling of a boolean, which a JSON Schema `boolean` (`true` / `false`) refuses. A
         *     query value is text either way, so the spec describes it as a string with both spellings:
         *     `True` / `False` as the page and .NET write them, `true` / `false` as an OpenAPI client
         *     serializes a boolean. The BatchTasks columns' names are JSON-safe already, so `$jsonSafe`
         *     changes no BatchTasks row.
         * @example False
         */
        ODataJsonSafe: "True" | "False" | "true" | "false";
        /**
         * @description In `Slim` mode, `Logical` values (true/false for booleans) or `Display` values (icon hints).
         *     Dates are ISO strings either way.
         *
         *     Decision: the values are the page's enum (`Logical, Display`), spelt as it spells them. The
         *     page describes `$output` for `Slim` mode only and does not say what it does with `$mode=Full`
         *     or `Wide`, so neither does the spec; the spec does not refuse the combination.
         * @example Logical
         */
        ODataOutput: "Logical" | "Display";
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    v1BatchAgent_GetBatchTaskInfo: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated names of the properties to fill in (case-insensitive); every other property
                 *     comes back null, to make the answer smaller. Without it, every property is filled in.
                 * @example Id,Name,State,ProgressPercent
                 */
                $select?: components["parameters"]["Select"];
            };
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The id of the task. Decision: of the request types the page lists, JSON and XML are
         *     described; `application/x-www-form-urlencoded`, `application/json-patch+json` and
         *     `application/merge-patch+json` are left out: the last two promise patch semantics that an
         *     Agents call does not have (the server only reads them as JSON), and form encoding has no
         *     documented binding for the carriers of this area.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetBatchTaskInfoRequest"];
                "text/json": components["schemas"]["GetBatchTaskInfoRequest"];
                "application/xml": components["schemas"]["GetBatchTaskInfoRequest"];
                "text/xml": components["schemas"]["GetBatchTaskInfoRequest"];
            };
        };
        responses: {
            /** @description The task, or null when there is no such task. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentBatchTaskInfoAnswer"];
                    "text/json": components["schemas"]["AgentBatchTaskInfoAnswer"];
                    "application/xml": components["schemas"]["AgentBatchTaskInfoAnswer"];
                    "text/xml": components["schemas"]["AgentBatchTaskInfoAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1BatchAgent_GetBatchTaskInfosByAssociates: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated names of the properties to fill in (case-insensitive); every other property
                 *     comes back null, to make the answer smaller. Without it, every property is filled in.
                 * @example Id,Name,State,ProgressPercent
                 */
                $select?: components["parameters"]["Select"];
            };
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The associate ids. Decision: of the request types the page lists, JSON and XML are
         *     described; `application/x-www-form-urlencoded`, `application/json-patch+json` and
         *     `application/merge-patch+json` are left out: the last two promise patch semantics that an
         *     Agents call does not have (the server only reads them as JSON), and form encoding has no
         *     documented binding for the carriers of this area.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetBatchTaskInfosByAssociatesRequest"];
                "text/json": components["schemas"]["GetBatchTaskInfosByAssociatesRequest"];
                "application/xml": components["schemas"]["GetBatchTaskInfosByAssociatesRequest"];
                "text/xml": components["schemas"]["GetBatchTaskInfosByAssociatesRequest"];
            };
        };
        responses: {
            /** @description The tasks (an empty array when there are none), or null when the call failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "application/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1BatchAgent_GetBatchTaskInfosByAssociatesAndState: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated names of the properties to fill in (case-insensitive); every other property
                 *     comes back null, to make the answer smaller. Without it, every property is filled in.
                 * @example Id,Name,State,ProgressPercent
                 */
                $select?: components["parameters"]["Select"];
            };
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The associate ids and the state.
         *     Decision: of the request types the page lists, JSON and XML are described;
         *     `application/x-www-form-urlencoded`, `application/json-patch+json` and
         *     `application/merge-patch+json` are left out: the last two promise patch semantics that an
         *     Agents call does not have (the server only reads them as JSON), and form encoding has no
         *     documented binding for the carriers of this area.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetBatchTaskInfosByAssociatesAndStateRequest"];
                "text/json": components["schemas"]["GetBatchTaskInfosByAssociatesAndStateRequest"];
                "application/xml": components["schemas"]["GetBatchTaskInfosByAssociatesAndStateRequest"];
                "text/xml": components["schemas"]["GetBatchTaskInfosByAssociatesAndStateRequest"];
            };
        };
        responses: {
            /** @description The matching tasks (an empty array when none match), or null when the call failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "application/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1BatchAgent_GetBatchTaskInfosByNameAndAssociates: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated names of the properties to fill in (case-insensitive); every other property
                 *     comes back null, to make the answer smaller. Without it, every property is filled in.
                 * @example Id,Name,State,ProgressPercent
                 */
                $select?: components["parameters"]["Select"];
            };
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The name (as `Name`) and the associate ids.
         *     Decision: of the request types the page lists, JSON and XML are described;
         *     `application/x-www-form-urlencoded`, `application/json-patch+json` and
         *     `application/merge-patch+json` are left out: the last two promise patch semantics that an
         *     Agents call does not have (the server only reads them as JSON), and form encoding has no
         *     documented binding for the carriers of this area.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetBatchTaskInfosByNameAndAssociatesRequest"];
                "text/json": components["schemas"]["GetBatchTaskInfosByNameAndAssociatesRequest"];
                "application/xml": components["schemas"]["GetBatchTaskInfosByNameAndAssociatesRequest"];
                "text/xml": components["schemas"]["GetBatchTaskInfosByNameAndAssociatesRequest"];
            };
        };
        responses: {
            /** @description The matching tasks (an empty array when none match), or null when the call failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "application/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1BatchAgent_GetBatchTaskInfosByNameAndState: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated names of the properties to fill in (case-insensitive); every other property
                 *     comes back null, to make the answer smaller. Without it, every property is filled in.
                 * @example Id,Name,State,ProgressPercent
                 */
                $select?: components["parameters"]["Select"];
            };
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The name (as `Name`) and the state.
         *     Decision: of the request types the page lists, JSON and XML are described;
         *     `application/x-www-form-urlencoded`, `application/json-patch+json` and
         *     `application/merge-patch+json` are left out: the last two promise patch semantics that an
         *     Agents call does not have (the server only reads them as JSON), and form encoding has no
         *     documented binding for the carriers of this area.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetBatchTaskInfosByNameAndStateRequest"];
                "text/json": components["schemas"]["GetBatchTaskInfosByNameAndStateRequest"];
                "application/xml": components["schemas"]["GetBatchTaskInfosByNameAndStateRequest"];
                "text/xml": components["schemas"]["GetBatchTaskInfosByNameAndStateRequest"];
            };
        };
        responses: {
            /** @description The matching tasks (an empty array when none match), or null when the call failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "application/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1BatchAgent_GetBatchTaskInfosByState: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated names of the properties to fill in (case-insensitive); every other property
                 *     comes back null, to make the answer smaller. Without it, every property is filled in.
                 * @example Id,Name,State,ProgressPercent
                 */
                $select?: components["parameters"]["Select"];
            };
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The state.
         *     Decision: of the request types the page lists, JSON and XML are described;
         *     `application/x-www-form-urlencoded`, `application/json-patch+json` and
         *     `application/merge-patch+json` are left out: the last two promise patch semantics that an
         *     Agents call does not have (the server only reads them as JSON), and form encoding has no
         *     documented binding for the carriers of this area.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetBatchTaskInfosByStateRequest"];
                "text/json": components["schemas"]["GetBatchTaskInfosByStateRequest"];
                "application/xml": components["schemas"]["GetBatchTaskInfosByStateRequest"];
                "text/xml": components["schemas"]["GetBatchTaskInfosByStateRequest"];
            };
        };
        responses: {
            /** @description The matching tasks (an empty array when none match), or null when the call failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "application/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1BatchAgent_GetAllBatchTaskInfosByName: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated names of the properties to fill in (case-insensitive); every other property
                 *     comes back null, to make the answer smaller. Without it, every property is filled in.
                 * @example Id,Name,State,ProgressPercent
                 */
                $select?: components["parameters"]["Select"];
            };
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The name, as `TaskName` (the wire name of this page; other calls say `Name`).
         *     Decision: of the request types the page lists, JSON and XML are described;
         *     `application/x-www-form-urlencoded`, `application/json-patch+json` and
         *     `application/merge-patch+json` are left out: the last two promise patch semantics that an
         *     Agents call does not have (the server only reads them as JSON), and form encoding has no
         *     documented binding for the carriers of this area.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskNameRequest"];
                "text/json": components["schemas"]["TaskNameRequest"];
                "application/xml": components["schemas"]["TaskNameRequest"];
                "text/xml": components["schemas"]["TaskNameRequest"];
            };
        };
        responses: {
            /** @description The matching tasks (an empty array when none match), or null when the call failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "application/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1BatchAgent_GetAllBatchTaskInfosByNameAndState: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated names of the properties to fill in (case-insensitive); every other property
                 *     comes back null, to make the answer smaller. Without it, every property is filled in.
                 * @example Id,Name,State,ProgressPercent
                 */
                $select?: components["parameters"]["Select"];
            };
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The name, as `TaskName`, and the state.
         *     Decision: of the request types the page lists, JSON and XML are described;
         *     `application/x-www-form-urlencoded`, `application/json-patch+json` and
         *     `application/merge-patch+json` are left out: the last two promise patch semantics that an
         *     Agents call does not have (the server only reads them as JSON), and form encoding has no
         *     documented binding for the carriers of this area.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskNameAndStateRequest"];
                "text/json": components["schemas"]["TaskNameAndStateRequest"];
                "application/xml": components["schemas"]["TaskNameAndStateRequest"];
                "text/xml": components["schemas"]["TaskNameAndStateRequest"];
            };
        };
        responses: {
            /** @description The matching tasks (an empty array when none match), or null when the call failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "application/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1BatchAgent_GetSystemBatchTaskInfosByName: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated names of the properties to fill in (case-insensitive); every other property
                 *     comes back null, to make the answer smaller. Without it, every property is filled in.
                 * @example Id,Name,State,ProgressPercent
                 */
                $select?: components["parameters"]["Select"];
            };
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The name, as `TaskName`.
         *     Decision: of the request types the page lists, JSON and XML are described;
         *     `application/x-www-form-urlencoded`, `application/json-patch+json` and
         *     `application/merge-patch+json` are left out: the last two promise patch semantics that an
         *     Agents call does not have (the server only reads them as JSON), and form encoding has no
         *     documented binding for the carriers of this area.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskNameRequest"];
                "text/json": components["schemas"]["TaskNameRequest"];
                "application/xml": components["schemas"]["TaskNameRequest"];
                "text/xml": components["schemas"]["TaskNameRequest"];
            };
        };
        responses: {
            /** @description The matching tasks (an empty array when none match), or null when the call failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "application/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1BatchAgent_GetSystemBatchTaskInfosByNameAndState: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated names of the properties to fill in (case-insensitive); every other property
                 *     comes back null, to make the answer smaller. Without it, every property is filled in.
                 * @example Id,Name,State,ProgressPercent
                 */
                $select?: components["parameters"]["Select"];
            };
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The name, as `TaskName`, and the state.
         *     Decision: of the request types the page lists, JSON and XML are described;
         *     `application/x-www-form-urlencoded`, `application/json-patch+json` and
         *     `application/merge-patch+json` are left out: the last two promise patch semantics that an
         *     Agents call does not have (the server only reads them as JSON), and form encoding has no
         *     documented binding for the carriers of this area.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskNameAndStateRequest"];
                "text/json": components["schemas"]["TaskNameAndStateRequest"];
                "application/xml": components["schemas"]["TaskNameAndStateRequest"];
                "text/xml": components["schemas"]["TaskNameAndStateRequest"];
            };
        };
        responses: {
            /** @description The matching tasks (an empty array when none match), or null when the call failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/json": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "application/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                    "text/xml": components["schemas"]["AgentBatchTaskInfoListAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1BatchAgent_UpdateBatchTask: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated names of the properties to fill in (case-insensitive); every other property
                 *     comes back null, to make the answer smaller. Without it, every property is filled in.
                 * @example Id,Name,State,ProgressPercent
                 */
                $select?: components["parameters"]["Select"];
            };
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The task, wrapped in `BatchTaskInfo`. Decision: of the request types the page lists, JSON and XML are
         *     described; `application/x-www-form-urlencoded`, `application/json-patch+json` and
         *     `application/merge-patch+json` are left out: the last two promise patch semantics that an
         *     Agents call does not have (the server only reads them as JSON), and form encoding has no
         *     documented binding for the carriers of this area.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateBatchTaskRequest"];
                "text/json": components["schemas"]["UpdateBatchTaskRequest"];
                "application/xml": components["schemas"]["UpdateBatchTaskRequest"];
                "text/xml": components["schemas"]["UpdateBatchTaskRequest"];
            };
        };
        responses: {
            /** @description The task as stored after the update, or null when the update failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentBatchTaskInfoAnswer"];
                    "text/json": components["schemas"]["AgentBatchTaskInfoAnswer"];
                    "application/xml": components["schemas"]["AgentBatchTaskInfoAnswer"];
                    "text/xml": components["schemas"]["AgentBatchTaskInfoAnswer"];
                };
            };
            400: components["responses"]["UpdateRefused"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1BatchAgent_StartBatchJob: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated names of the properties to fill in (case-insensitive); every other property
                 *     comes back null, to make the answer smaller. Without it, every property is filled in.
                 * @example Id,Name,State,ProgressPercent
                 */
                $select?: components["parameters"]["Select"];
            };
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The job, wrapped in `BatchTaskInfo`. Decision: of the request types the page lists, JSON and XML are
         *     described; `application/x-www-form-urlencoded`, `application/json-patch+json` and
         *     `application/merge-patch+json` are left out: the last two promise patch semantics that an
         *     Agents call does not have (the server only reads them as JSON), and form encoding has no
         *     documented binding for the carriers of this area.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartBatchJobRequest"];
                "text/json": components["schemas"]["StartBatchJobRequest"];
                "application/xml": components["schemas"]["StartBatchJobRequest"];
                "text/xml": components["schemas"]["StartBatchJobRequest"];
            };
        };
        responses: {
            /** @description The id of the new batch task, or null when the job could not be started. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": number | null | components["schemas"]["AgentRequestInvalid"];
                    "text/json": number | null | components["schemas"]["AgentRequestInvalid"];
                    "application/xml": number | null | components["schemas"]["AgentRequestInvalid"];
                    "text/xml": number | null | components["schemas"]["AgentRequestInvalid"];
                };
            };
            400: components["responses"]["StartRefused"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["StoreFull"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1BatchAgent_StopBatchJob: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated names of the properties to fill in (case-insensitive); every other property
                 *     comes back null, to make the answer smaller. Without it, every property is filled in.
                 * @example Id,Name,State,ProgressPercent
                 */
                $select?: components["parameters"]["Select"];
            };
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The id of the task whose job to stop.
         *     Decision: of the request types the page lists, JSON and XML are described;
         *     `application/x-www-form-urlencoded`, `application/json-patch+json` and
         *     `application/merge-patch+json` are left out: the last two promise patch semantics that an
         *     Agents call does not have (the server only reads them as JSON), and form encoding has no
         *     documented binding for the carriers of this area.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["StopBatchJobRequest"];
                "text/json": components["schemas"]["StopBatchJobRequest"];
                "application/xml": components["schemas"]["StopBatchJobRequest"];
                "text/xml": components["schemas"]["StopBatchJobRequest"];
            };
        };
        responses: {
            /** @description Whether the job was stopped; null when the call failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": boolean | null | components["schemas"]["AgentRequestInvalid"];
                    "text/json": boolean | null | components["schemas"]["AgentRequestInvalid"];
                    "application/xml": boolean | null | components["schemas"]["AgentRequestInvalid"];
                    "text/xml": boolean | null | components["schemas"]["AgentRequestInvalid"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1BatchAgent_DeleteBatchTask: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated names of the properties to fill in (case-insensitive); every other property
                 *     comes back null, to make the answer smaller. Without it, every property is filled in.
                 * @example Id,Name,State,ProgressPercent
                 */
                $select?: components["parameters"]["Select"];
            };
            header?: {
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The id of the task to delete.
         *     Decision: of the request types the page lists, JSON and XML are described;
         *     `application/x-www-form-urlencoded`, `application/json-patch+json` and
         *     `application/merge-patch+json` are left out: the last two promise patch semantics that an
         *     Agents call does not have (the server only reads them as JSON), and form encoding has no
         *     documented binding for the carriers of this area.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteBatchTaskRequest"];
                "text/json": components["schemas"]["DeleteBatchTaskRequest"];
                "application/xml": components["schemas"]["DeleteBatchTaskRequest"];
                "text/xml": components["schemas"]["DeleteBatchTaskRequest"];
            };
        };
        responses: {
            /** @description Deleted (also when there was nothing to delete). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1BatchAgent_DeleteBatchTasks: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated names of the properties to fill in (case-insensitive); every other property
                 *     comes back null, to make the answer smaller. Without it, every property is filled in.
                 * @example Id,Name,State,ProgressPercent
                 */
                $select?: components["parameters"]["Select"];
            };
            header?: {
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The ids of the tasks to delete.
         *     Decision: of the request types the page lists, JSON and XML are described;
         *     `application/x-www-form-urlencoded`, `application/json-patch+json` and
         *     `application/merge-patch+json` are left out: the last two promise patch semantics that an
         *     Agents call does not have (the server only reads them as JSON), and form encoding has no
         *     documented binding for the carriers of this area.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteBatchTasksRequest"];
                "text/json": components["schemas"]["DeleteBatchTasksRequest"];
                "application/xml": components["schemas"]["DeleteBatchTasksRequest"];
                "text/xml": components["schemas"]["DeleteBatchTasksRequest"];
            };
        };
        responses: {
            /** @description Deleted (also when there was nothing to delete). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1Batch_GetAll: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated column names of the BatchTasks archive to return (case-insensitive; rows spell
                 *     them as the archive's table does); aggregates and modifiers too (`Count(name):Footer`). Every row also carries
                 *     `PrimaryKey` (the task id) and `EntityName` (`batchtask`). The columns, their kinds and the
                 *     ones rows carry without `$select` are the tables under GET /api/v1/BatchTask (the spec's
                 *     `x-so-batch-archive`, components/archive.yaml, which also says how the columns were chosen).
                 *
                 *     Decision: the mock answers column names only: it refuses an aggregate, a modifier or an
                 *     unknown column with 400, naming it.
                 * @example name,state,progressPercent
                 */
                $select?: components["parameters"]["ODataSelect"];
                /**
                 * @description Restricts the rows: conditions on columns (`name begins 'Export'`), joined with `and` as in
                 *     the page's examples. The columns are $select's.
                 *     The operators and functions, with the kinds of column each applies to, are the tables under
                 *     GET /api/v1/BatchTask (the spec's `x-so-batch-archive`, components/archive.yaml); the
                 *     reference page lists the same names by kind.
                 *
                 *     Decision: `begins` is missing from the page's list of string operators, but the page's own
                 *     examples use it (`name begins 'foo'`, `$filter=name begins 'S'`), so it is listed. The value
                 *     stays a free string: the spec does not parse the expression, the server does.
                 *
                 *     Decision (how the so-batch mock reads it; the pages give operator names, not a grammar):
                 *
                 *     - a condition is `column operator value`, `column operator (v1, v2, ...)` for the operators
                 *       of two or more values, `column operator` for the unary ones (the archive's table gives each
                 *       operator's form), or a function call; conditions are joined with `and`.
                 *       `or`, `not` and grouping parentheses are not in the page and are refused (400), as is
                 *       anything else the mock cannot read; the error names the position and the construct.
                 *       Column, operator and function names are case-insensitive;
                 *     - values: strings in single quotes (`''` for a quote), whole numbers, `true` / `false`, ISO
                 *       dates (`'2026-11-29'`, `'2026-11-29T10:00:00Z'`; no offset means UTC); a list id by its
                 *       number or its name (`state eq 3`, `state eq Started`);
                 *     - which operator applies to which kind of column is the archive's table (the page groups the
                 *       names by kind; `eq` / `ne` also apply to strings, list ids and yes/no, as the page's
                 *       `col1 eq 'foo'` does); `set` (unary) means "has a value other than 0" (yes/no: true);
                 *       `between` includes both ends;
                 *     - strings compare case-insensitively, and a missing string reads as `''`; a missing number,
                 *       list id or date matches only `ne`, `unequals`, `NotOneOf` and `associateIsNotOneOf`;
                 *     - `substringof(value, column)` (OData's order; `(column, value)` reads too),
                 *       `startswith(column, value)`, `endswith(column, value)`, optionally `eq true` / `eq false`;
                 *     - dates compare by UTC day: `before` the day, `after` it, `date` on it, `dateBetween` from the
                 *       first day to the last, both included. Periods (`day`, `week`, `month`, `quarter`, `half`,
                 *       `year`) are UTC calendar periods, weeks from Monday: `this(created, week)` is the current
                 *       week, `next(f, n, period)` the n periods after it, `previous(f, n, period)` the n before it,
                 *       `thisAndNext` / `thisAndPrevious` add the current one, `thisAndPreviousAndNext(f, period)`
                 *       is the previous, current and next period; `lastWeek` is `previous(f, 1, week)`, and so on;
                 *     - `currentAssociate` is the caller's associate id; `beforeToday`, which the page lists both
                 *       as a date operator and as a unary one, takes no value;
                 *     - the limits on one query (characters, conditions, list values) are the archive's.
                 * @example name begins 'Export' and state eq 3
                 */
                $filter?: components["parameters"]["ODataFilter"];
                /**
                 * @description Comma-separated columns to sort by (the columns are $select's, case-insensitive), each with
                 *     an optional `asc` (the default) or `desc`. Rows equal on every column come in `PrimaryKey`
                 *     order; without `$orderBy`, rows come in `PrimaryKey` order.
                 *
                 *     Decision: the pages do not say how values sort. The spec takes the database's way: strings
                 *     case-insensitively, list ids (`state`) by their number, missing values first when ascending.
                 *
                 *     Decision: the reference page's introduction writes `$orderby=abc/col3,col1`, while its
                 *     parameter table and its sample request write `$orderBy`. The spec uses `$orderBy`, the
                 *     table's name. The pages do not say that the server reads OData option names
                 *     case-insensitively, so the spec does not promise that `$orderby` works: send `$orderBy`.
                 * @example name asc,lastStarted desc
                 */
                $orderBy?: components["parameters"]["ODataOrderBy"];
                /**
                 * @description Comma-separated entity names to use (archive-specific); empty by default.
                 * @example batchtask
                 */
                $entities?: components["parameters"]["ODataEntities"];
                /**
                 * @description How many rows to return at most, over all pages. One answer carries at most 50 rows; when more
                 *     remain (within `$top`), `odata.nextLink` is the address of the next page, with `$skip`
                 *     advanced and `$top` reduced by the rows already sent; it is missing on the last page.
                 *
                 *     Decision: the pages do not give the server's page size, nor whether `odata.nextLink` is left
                 *     out or null on the last page. The spec takes 50 rows, so that a long list comes back in
                 *     pages of a bounded size, and a client must accept either form on the last page; following
                 *     the links visits every row once.
                 * @example 100
                 */
                $top?: components["parameters"]["ODataTop"];
                /**
                 * @description How many rows to skip before the first one returned.
                 * @example 100
                 */
                $skip?: components["parameters"]["ODataSkip"];
                /**
                 * @description `Full` (raw values and display hints for each value), `Wide`, or `Slim` (display values only).
                 *
                 *     Decision: the values are the page's enum as its table spells it (`Slim, Wide, Full`; sample
                 *     `$mode=Full`). The page also writes `$mode=full` in its introduction and `FULL` / `SLIM` in
                 *     the table's description, but does not say that the server ignores case, so only the table's
                 *     spelling is described. The page does not explain `Wide`.
                 *
                 *     Decision (the rows' values, which the pages do not show beyond numbers and strings): in
                 *     `Slim`, each column is its display value: numbers and yes/no as JSON numbers and booleans,
                 *     list ids by name (`"state": "Started"`), dates as ISO strings, a missing value as null. In
                 *     `Full`, each column is an object with the raw value and its display text:
                 *     `{"RawValue": 3, "DisplayValue": "Started"}`. `Wide` is answered as `Slim`, since the pages
                 *     do not say what it adds.
                 * @example Full
                 */
                $mode?: components["parameters"]["ODataMode"];
                /**
                 * @description Provider-specific options.
                 * @example GrandTotal=true
                 */
                $options?: components["parameters"]["ODataOptions"];
                /**
                 * @description Provider-specific context.
                 * @example mine
                 */
                $context?: components["parameters"]["ODataContext"];
                /**
                 * @description `JSON` or `XML`: overrides the format the Accept header chose.
                 *
                 *     Decision: the page types `$format` as a free string but names only XML and JSON, so the spec
                 *     narrows it to those two, spelt as the page's sample (`$format=JSON`). The pages do not say
                 *     whether the server takes other spellings (`json`) or other formats.
                 * @example JSON
                 */
                $format?: components["parameters"]["ODataFormat"];
                /**
                 * @description Make the column names JSON-safe property names (unsafe characters become `_`).
                 *
                 *     Decision: the page types `$jsonSafe` as `bool`, and its sample sends `$jsonSafe=False`: the
                 *     .NET spelling of a boolean, which a JSON Schema `boolean` (`true` / `false`) refuses. A
                 *     query value is text either way, so the spec describes it as a string with both spellings:
                 *     `True` / `False` as the page and .NET write them, `true` / `false` as an OpenAPI client
                 *     serializes a boolean. The BatchTasks columns' names are JSON-safe already, so `$jsonSafe`
                 *     changes no BatchTasks row.
                 * @example False
                 */
                $jsonSafe?: components["parameters"]["ODataJsonSafe"];
                /**
                 * @description In `Slim` mode, `Logical` values (true/false for booleans) or `Display` values (icon hints).
                 *     Dates are ISO strings either way.
                 *
                 *     Decision: the values are the page's enum (`Logical, Display`), spelt as it spells them. The
                 *     page describes `$output` for `Slim` mode only and does not say what it does with `$mode=Full`
                 *     or `Wide`, so neither does the spec; the spec does not refuse the combination.
                 * @example Logical
                 */
                $output?: components["parameters"]["ODataOutput"];
            };
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of rows; follow `odata.nextLink` for the next. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ODataSlimResponse"];
                    "text/json": components["schemas"]["ODataSlimResponse"];
                    "application/xml": components["schemas"]["ODataSlimResponse"];
                    "text/xml": components["schemas"]["ODataSlimResponse"];
                };
            };
            400: components["responses"]["ODataRefused"];
            401: components["responses"]["Unauthorized"];
        };
    };
    v1Batch_StartBatchJob: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The job to start, as a bare BatchTaskInfo; `Name` is required. Decision: JSON and XML are
         *     described; form encoding and the two patch types the page lists are left out (no form
         *     binding is documented, and a POST that creates is no patch).
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["RestStartBatchJobBody"];
                "text/json": components["schemas"]["RestStartBatchJobBody"];
                "application/xml": components["schemas"]["RestStartBatchJobBody"];
                "text/xml": components["schemas"]["RestStartBatchJobBody"];
            };
        };
        responses: {
            /** @description The id of the new batch task. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": number;
                    "text/json": number;
                    "application/xml": number;
                    "text/xml": number;
                };
            };
            400: components["responses"]["StartRefused"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["StoreFull"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1Batch_GetBatchTaskInfosByState: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path: {
                /** @description A task id (v1Batch_GetBatchTaskInfo), or a BatchTaskState name (v1Batch_GetBatchTaskInfosByState). */
                idOrState: number | components["schemas"]["BatchTaskState"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description By id, the task; by state, the tasks (an empty array when there are none). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchTaskInfo"] | components["schemas"]["BatchTaskInfo"][];
                    "text/json": components["schemas"]["BatchTaskInfo"] | components["schemas"]["BatchTaskInfo"][];
                    "application/xml": components["schemas"]["BatchTaskInfo"] | components["schemas"]["BatchTaskInfo"][];
                    "text/xml": components["schemas"]["BatchTaskInfo"] | components["schemas"]["BatchTaskInfo"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    v1Batch_UpdateBatchTask: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path: {
                /** @description The id of the task to update (the page calls it `Id`). */
                idOrState: number;
            };
            cookie?: never;
        };
        /**
         * @description The task as a bare BatchTaskInfo. Decision: JSON and XML are described; form encoding and
         *     the patch types the page lists are left out (a PUT replaces; it is no patch).
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchTaskInfoFields"];
                "text/json": components["schemas"]["BatchTaskInfoFields"];
                "application/xml": components["schemas"]["BatchTaskInfoFields"];
                "text/xml": components["schemas"]["BatchTaskInfoFields"];
            };
        };
        responses: {
            /** @description The task as stored after the update. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchTaskInfo"];
                    "text/json": components["schemas"]["BatchTaskInfo"];
                    "application/xml": components["schemas"]["BatchTaskInfo"];
                    "text/xml": components["schemas"]["BatchTaskInfo"];
                };
            };
            400: components["responses"]["UpdateRefused"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    v1Batch_DeleteBatchTask: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path: {
                /** @description The id of the task to delete (the page calls it `batchTaskId`). */
                idOrState: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    v1Batch_StopBatchJob: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Translate string resources and multi-language values into this language (ISO 639-1 code, or
                 *     a list such as `fr,de`). Without it, strings come back untranslated. `*` asks for none.
                 * @example en
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Like Accept-Language, and overrides it, for clients (browsers) that cannot change
                 *     Accept-Language. `*` or `x` cancels translation.
                 * @example nb-no
                 */
                "SO-Language"?: components["parameters"]["SOLanguage"];
                /**
                 * @description Number and date formatting culture (ISO 639-1 code) for values the server returns as
                 *     strings. Defaults to the language; ignored when no language is set.
                 * @example sv
                 */
                "SO-Culture"?: components["parameters"]["SOCulture"];
                /**
                 * @description Convert dates to and from this time zone: a zone id (261) or code (NO). Dates then come back
                 *     without an offset, unless `, includeTZOffset` follows the zone (`NO, includeTZOffset`).
                 * @example NO, includeTZOffset
                 */
                "SO-TimeZone"?: components["parameters"]["SOTimeZone"];
                /**
                 * @description The application token (client secret) that identifies the partner application. Required by
                 *     SuperOffice Online when a server calls with an SOTicket.
                 * @example f2398a3a7wer3759d4b220e9a9c94321
                 */
                "SO-AppToken"?: components["parameters"]["SOAppToken"];
            };
            path: {
                /** @description The id of the task whose job to stop. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the job was stopped. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": boolean;
                    "text/json": boolean;
                    "application/xml": boolean;
                    "text/xml": boolean;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
