export const id = 107;
export const ids = [107];
export const modules = {

/***/ 3190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ noExec),
/* harmony export */   c: () => (/* binding */ ExecError)
/* harmony export */ });
/** A tool that failed; the message keeps the tool's own last words, which say why. */
class ExecError extends Error {
    tool;
    code;
    lastLines;
    constructor(tool, code, lastLines, message) {
        super(message ??
            `${tool} failed${code === undefined ? '' : ` with exit code ${code}`}${lastLines.length ? `:\n  ${lastLines.join('\n  ')}` : ''}`);
        this.tool = tool;
        this.code = code;
        this.lastLines = lastLines;
        this.name = 'ExecError';
    }
}
/** For library callers that were given no process runner and then need one. */
const noExec = (file) => Promise.reject(new ExecError(file, undefined, [], `${file}: no process runner was given to run it`));


/***/ }),

/***/ 6107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createExec: () => (/* binding */ createExec),
/* harmony export */   stopChildren: () => (/* binding */ stopChildren)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1955);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3190);




const KEEP_STDERR_LINES = 8;
const MAX_CAPTURE = 16 * 1024 * 1024;
/**
 * The process runner of a run: @actions/exec, without a shell (argv items stay items, whatever
 * they contain), quiet (the argv goes to the debug log; secrets never go in argv), stdout kept up
 * to 16 MiB, and the last stderr lines kept for the error a failure raises.
 */
function createExec(logger) {
    return async (file, args, options = {}) => {
        const tool = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(file);
        logger.debug(`run: ${[file, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}`);
        const stdout = [];
        let stdoutSize = 0;
        let stderr = '';
        const tail = [];
        let code;
        try {
            code = await _actions_exec__WEBPACK_IMPORTED_MODULE_2__/* .exec */ .m(file, [...args], {
                cwd: options.cwd,
                env: definedOnly(options.env ?? process.env),
                // Only a child that reads stdin gets it: ending the stdin of one that exited at once
                // (git log) raises EPIPE on a socket nobody listens to, which ends the process.
                ...(options.input !== undefined && { input: Buffer.from(options.input) }),
                silent: true,
                ignoreReturnCode: true,
                listeners: {
                    stdout: (data) => {
                        if (stdoutSize < MAX_CAPTURE)
                            stdout.push(data);
                        stdoutSize += data.length;
                    },
                    stderr: (data) => {
                        if (stderr.length < MAX_CAPTURE)
                            stderr += data.toString('utf8');
                    },
                    stdline: (line) => options.onLine?.(line),
                    errline: (line) => {
                        options.onLine?.(line);
                        if (!line.trim())
                            return;
                        tail.push(line.trim());
                        if (tail.length > KEEP_STDERR_LINES)
                            tail.shift();
                    },
                },
            });
        }
        catch (error) {
            // @actions/exec looks the tool up on PATH before it starts it.
            if (/Unable to locate executable file/.test(error.message))
                throw new _exec_js__WEBPACK_IMPORTED_MODULE_3__/* .ExecError */ .c(tool, undefined, [], `${tool} was not found on PATH`);
            throw new _exec_js__WEBPACK_IMPORTED_MODULE_3__/* .ExecError */ .c(tool, undefined, [error.message]);
        }
        const result = { code, stdout: Buffer.concat(stdout).toString('utf8'), stderr };
        if (code !== 0 && !options.allowFailure)
            throw new _exec_js__WEBPACK_IMPORTED_MODULE_3__/* .ExecError */ .c(tool, code, tail);
        return result;
    };
}
function definedOnly(env) {
    return Object.fromEntries(Object.entries(env).filter((entry) => entry[1] !== undefined));
}
/**
 * Stops the processes this one started (engines, skopeo, credential helpers): an interrupted run
 * must not leave them working, or pushing, alone. @actions/exec keeps no handle on its children,
 * so they are found by their parent pid (Linux /proc; elsewhere nothing is found).
 */
function stopChildren() {
    let entries;
    try {
        entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)('/proc').filter((name) => /^\d+$/.test(name));
    }
    catch {
        return;
    }
    for (const pid of entries) {
        try {
            // The fields after the ")" that ends the command name: state, then the parent pid.
            const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
            const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
            if (parent === process.pid)
                process.kill(Number(pid), 'SIGTERM');
        }
        catch {
            // Gone meanwhile.
        }
    }
}


/***/ })

};
