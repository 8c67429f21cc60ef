// Starts Swagger UI on /docs, pointed at our own OpenAPI document.
// validatorUrl null: Swagger UI would otherwise send the document to an online validator.
window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  validatorUrl: null,
  deepLinking: true,
  tryItOutEnabled: false,
  persistAuthorization: false,
});
