"""Surge detection and forecasting on daily article counts per key. Pure Python: no Django.

    series = read_series_csv("series.csv")            # or SeriesSet.from_records(rows)
    holidays = vietnam_holidays(years_spanned(series.start, series.n_days))
    alerts = detect(series, holidays)                 # list[Alert], each with expected/observed/score/reason
    points = forecast(series, holidays)               # list[ForecastPoint], 7 days per key

Modules: series (dense matrices), calendar (holiday lulls), stats (count tail probabilities), detect,
forecast, explain (alerts and Vietnamese reasons), csvio, synthetic and evaluate (benchmark).
"""

from loa.pipeline.trends.calendar import lull_days, vietnam_holidays, years_spanned
from loa.pipeline.trends.csvio import SeriesFormatError, read_series_csv
from loa.pipeline.trends.detect import DetectionRun, DetectorConfig, detect, run_detector
from loa.pipeline.trends.explain import NEGATIVE, VOLUME, Alert
from loa.pipeline.trends.forecast import ForecastConfig, ForecastPoint, forecast
from loa.pipeline.trends.series import SeriesSet

__all__ = [
    "NEGATIVE",
    "VOLUME",
    "Alert",
    "DetectionRun",
    "DetectorConfig",
    "ForecastConfig",
    "ForecastPoint",
    "SeriesFormatError",
    "SeriesSet",
    "detect",
    "forecast",
    "lull_days",
    "read_series_csv",
    "run_detector",
    "vietnam_holidays",
    "years_spanned",
]
