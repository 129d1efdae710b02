// The peer: the same 13 questions, one per page, rendered by SurveyJS
// (survey-core + survey-js-ui) with its default theme. survey-json.js is
// written from assessments/digital-strategy.toml by build-peer.mjs.
/* global Survey, SURVEY_JSON */
const survey = new Survey.Model(SURVEY_JSON);
survey.render(document.getElementById('survey'));
