package dev.fairlead.routing.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.routing.BacktestRequest;
import dev.fairlead.routing.BacktestRun;
import dev.fairlead.routing.BacktestService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Backtests", description = "Replay historical leads through a rule set and the active one")
class BacktestApiController {

    private final BacktestService backtests;

    BacktestApiController(BacktestService backtests) {
        this.backtests = backtests;
    }

    @PostMapping("/api/routing/backtests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "startBacktest", summary = "Start a backtest (managers); poll GET /api/routing/backtests/{id} for progress and results")
    BacktestRun start(@RequestBody BacktestRequest req) {
        return backtests.start(Viewers.require(), req);
    }

    @GetMapping("/api/routing/backtests/{id}")
    @Operation(operationId = "getBacktest", summary = "Status, progress (processed of total) and, when DONE, both sides' results")
    BacktestRun get(@PathVariable long id) {
        return backtests.get(Viewers.require(), id);
    }
}
