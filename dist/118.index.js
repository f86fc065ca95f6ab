export const id = 118;
export const ids = [118];
export const modules = {

/***/ 1245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ detectRunner)
/* harmony export */ });
function detectRunner(env) {
    // Order matters: Forgejo also sets GITEA_ACTIONS, and act and the forges also set GITHUB_ACTIONS.
    if (env.FORGEJO_ACTIONS === 'true')
        return 'forgejo';
    if (env.GITEA_ACTIONS === 'true')
        return 'gitea';
    if (env.ACT === 'true')
        return 'act';
    if (env.GITHUB_ACTIONS === 'true')
        return 'github';
    return 'local';
}


/***/ }),

/***/ 8118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionsLogger: () => (/* binding */ actionsLogger),
/* harmony export */   loggerFor: () => (/* binding */ loggerFor),
/* harmony export */   plainLogger: () => (/* binding */ plainLogger)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
/* harmony import */ var _platform_runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1245);


/** Inside a runner: workflow commands (groups, annotations, masking) through @actions/core. */
const actionsLogger = {
    debug: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(message),
    info: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message),
    warning: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message),
    error: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(message),
    group: (title, fn) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(title, fn),
    mask: (secret) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret),
};
/**
 * Outside a runner (the CLI form): plain lines, and masking done here, since no runner is there
 * to hide secrets.
 */
function plainLogger(write = (line) => process.stdout.write(`${line}\n`)) {
    const secrets = new Set();
    const hide = (text) => {
        let out = text;
        for (const secret of secrets)
            out = out.split(secret).join('***');
        return out;
    };
    return {
        debug: (message) => {
            if (process.env.RUNNER_DEBUG === '1')
                write(hide(`debug: ${message}`));
        },
        info: (message) => write(hide(message)),
        warning: (message) => write(hide(`warning: ${message}`)),
        error: (message) => write(hide(`error: ${message}`)),
        group: async (title, fn) => {
            write(hide(`== ${title}`));
            return fn();
        },
        mask: (secret) => {
            if (secret)
                secrets.add(secret);
        },
    };
}
function loggerFor(env) {
    return (0,_platform_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .detectRunner */ .q)(env) === 'local' ? plainLogger() : actionsLogger;
}


/***/ })

};
