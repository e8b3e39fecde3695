// Generated from spec/control/openapi.yaml (its bundle, spec/dist/control.json) by `pnpm generate` (openapi-typescript).
// Do not edit: change the spec and regenerate.
export interface paths {
    "/mock/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the fault rules
         * @description Every rule added and not removed, in the order they are tried, with how often each has acted. A rule whose `times` are used up stays listed (`spent`) until it is removed.
         */
        get: operations["listFaults"];
        put?: never;
        /**
         * Add a fault rule
         * @description Adds a rule after the others. A rule that cannot be true (a 2xx status, `status` with `delayMs`, an operation the Batch spec does not have, `times` 0...) gets 400 naming the property.
         */
        post: operations["addFault"];
        /**
         * Remove every fault rule
         * @description Removes every rule; requests are answered normally again.
         */
        delete: operations["clearFaults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mock/faults/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rule's id, as adding it answered. */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Read a fault rule
         * @description The rule and how often it has acted.
         */
        get: operations["getFault"];
        put?: never;
        post?: never;
        /**
         * Remove a fault rule
         * @description Removes the rule; the others keep their order.
         */
        delete: operations["removeFault"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mock/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset the sandbox
         * @description Puts the store back as it started (ids handed out stay used), removes every fault rule and job definition, and forgets the rate limit's count. Between tests.
         */
        post: operations["resetMock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mock/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the clock
         * @description The mock's time now, by which jobs progress and the OData date functions count.
         */
        get: operations["getClock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mock/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Advance the clock
         * @description Moves a manual clock forward; every job moves on as that much time had passed. Answers once they have.
         */
        post: operations["advanceClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mock/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the job definitions
         * @description Every job behaviour defined, by job name.
         */
        get: operations["listJobs"];
        put?: never;
        post?: never;
        /**
         * Remove every job definition
         * @description Every job behaves as by default again.
         */
        delete: operations["clearJobs"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mock/jobs/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job's name, matched as the store matches job names. */
                name: string;
            };
            cookie?: never;
        };
        /**
         * Read a job definition
         * @description How jobs of this name behave.
         */
        get: operations["getJob"];
        /**
         * Define how a job behaves
         * @description Jobs of this name started from now on behave so; a definition of the same name is replaced.
         */
        put: operations["defineJob"];
        post?: never;
        /**
         * Remove a job definition
         * @description Jobs of this name behave as by default again.
         */
        delete: operations["removeJob"];
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
         * FaultRule
         * @description What goes wrong, on which operation, how often. Exactly one of `status`, `delayMs` and
         *     `reset`.
         */
        FaultRule: {
            /** @description The Batch spec's operationId, such as `v1BatchAgent_GetBatchTaskInfo`; every operation when omitted. */
            operation?: string;
            /** @description Answer this status (4xx or 5xx) in the SuperOffice error body. */
            status?: number;
            /** @description Seconds to send in Retry-After; only with `status` 429 or 503. */
            retryAfter?: number;
            /** @description Answer this many milliseconds later (up to 10 minutes); the request is otherwise served normally. */
            delayMs?: number;
            /**
             * @description Destroy the connection without an answer.
             * @constant
             */
            reset?: true;
            /**
             * @description `before` (the default): act before the request reaches anything, the store untouched. `after`: serve the request in full (the store acts), then replace, delay or drop only its answer.
             * @default before
             * @enum {string}
             */
            when?: "before" | "after";
            /**
             * @description How many requests the rule acts on (1 by default); `Infinity` for every one.
             * @default 1
             */
            times?: number | "Infinity";
            /** @description The chance (above 0, up to 1) that a matching request is hit; drawn from a generator seeded with `seed`, so a run can be repeated. */
            probability?: number;
            /** @description The seed of the probability draws (0 by default); the same seed gives the same hits. Only with `probability`. */
            seed?: number;
        } & (unknown | unknown | unknown);
        /**
         * Fault
         * @description A fault rule as the mock holds it, with how often it has acted.
         * @example {
         *       "id": 1,
         *       "hits": 2,
         *       "spent": true,
         *       "rule": {
         *         "operation": "v1BatchAgent_GetBatchTaskInfo",
         *         "status": 503,
         *         "retryAfter": 1,
         *         "times": 2
         *       }
         *     }
         */
        Fault: {
            /** @description The rule's id, for `/mock/faults/{id}`. */
            id: number;
            /** @description How many requests the rule has acted on so far. */
            hits: number;
            /** @description Whether the rule has used all its `times` (it no longer acts). */
            spent: boolean;
            rule: components["schemas"]["FaultRule"];
        };
        /**
         * JobBehaviour
         * @description How jobs of one name run once StartBatchJob starts them; what is not given is as by default.
         */
        JobBehaviour: {
            /** @description How long the job runs from Started to its end, in milliseconds. */
            runMs?: number;
            /** @description The job ends Failed on reaching this percent, with a Result that says so. */
            failAtPercent?: number;
            /** @description The Result text the job ends with (on success; with failAtPercent, instead of the failure's own text). */
            result?: string;
            /** @description The job reaches Started and never ends. */
            hang?: boolean;
            /** @description How long the job stays queued (New) before it starts, in milliseconds. */
            queuedMs?: number;
            /** @description Whether StopBatchJob may stop the job (the task's CancellationBehaviour); CannotCancel refuses. */
            cancellation?: components["schemas"]["BatchTaskCancellationBehaviour"];
            /** @description The job ends SucceededManualCleanup instead of Succeeded. */
            manualCleanup?: boolean;
        };
        /**
         * Clock
         * @description The mock's time.
         */
        Clock: {
            /** @description Milliseconds since 1970-01-01T00:00:00Z. */
            now: number;
            /**
             * Format: date-time
             * @description The same time, in ISO 8601.
             */
            time: string;
        };
        /**
         * ClockAdvance
         * @description How far to move a manual clock forward.
         */
        ClockAdvance: {
            /** @description Milliseconds to advance by. */
            ms: number;
        };
        Error: components["schemas"]["ErrorBody"];
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
         * BatchTaskCancellationBehaviour
         * @description Whether a batch task can be cancelled: CanCancel = 0, CancelWithWarning = 1 (the user
         *     interface shows a warning, string SR_BATCH_<snakeCaseName>_CANCELLATION), CannotCancel = 2.
         * @enum {string}
         */
        BatchTaskCancellationBehaviour: "CanCancel" | "CancelWithWarning" | "CannotCancel";
    };
    responses: {
        /** @description The request cannot be true; the message names the property. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The request came from another machine, and the control API is loopback-only. */
        NotLoopback: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No such rule or definition. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description This mock has no such control (it was started without it). */
        NotAvailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Fault"][];
                };
            };
            403: components["responses"]["NotLoopback"];
        };
    };
    addFault: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaultRule"];
            };
        };
        responses: {
            /** @description The rule, added. */
            201: {
                headers: {
                    /** @description Where the rule can be read and removed. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Fault"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["NotLoopback"];
        };
    };
    clearFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No rules left. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            403: components["responses"]["NotLoopback"];
        };
    };
    getFault: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rule's id, as adding it answered. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Fault"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["NotLoopback"];
            404: components["responses"]["NotFound"];
        };
    };
    removeFault: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rule's id, as adding it answered. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["NotLoopback"];
            404: components["responses"]["NotFound"];
        };
    };
    resetMock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reset. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            403: components["responses"]["NotLoopback"];
        };
    };
    getClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The time now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clock"];
                };
            };
            403: components["responses"]["NotLoopback"];
            501: components["responses"]["NotAvailable"];
        };
    };
    advanceClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockAdvance"];
            };
        };
        responses: {
            /** @description The time now, after advancing. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clock"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["NotLoopback"];
            501: components["responses"]["NotAvailable"];
        };
    };
    listJobs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The definitions, by name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: components["schemas"]["JobBehaviour"];
                    };
                };
            };
            403: components["responses"]["NotLoopback"];
            501: components["responses"]["NotAvailable"];
        };
    };
    clearJobs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No definitions left. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            403: components["responses"]["NotLoopback"];
            501: components["responses"]["NotAvailable"];
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job's name, matched as the store matches job names. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The definition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobBehaviour"];
                };
            };
            403: components["responses"]["NotLoopback"];
            404: components["responses"]["NotFound"];
            501: components["responses"]["NotAvailable"];
        };
    };
    defineJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job's name, matched as the store matches job names. */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JobBehaviour"];
            };
        };
        responses: {
            /** @description The definition, as stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobBehaviour"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["NotLoopback"];
            501: components["responses"]["NotAvailable"];
        };
    };
    removeJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job's name, matched as the store matches job names. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            403: components["responses"]["NotLoopback"];
            404: components["responses"]["NotFound"];
            501: components["responses"]["NotAvailable"];
        };
    };
}
