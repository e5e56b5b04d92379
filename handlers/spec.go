package handlers

import (
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"
	swaggerfiles "github.com/swaggo/files"
	ginswagger "github.com/swaggo/gin-swagger"

	"yishi/internal/apperr"
	"yishi/openapi"
)

// getOpenAPI3 godoc
//
//	@ID		getOpenApiDocument
//	@Summary	The OpenAPI 3 description of this API
//	@Tags		meta
//	@Produce	json
//	@Success	200	{object}	object
//	@Router		/openapi.json [get]
func getOpenAPI3(c *gin.Context) error {
	c.Data(http.StatusOK, "application/json", openapi.OpenAPI3())
	return nil
}

// getSwagger godoc
//
//	@ID		getSwaggerDocument
//	@Summary	The Swagger 2.0 description of this API
//	@Tags		meta
//	@Produce	json
//	@Success	200	{object}	object
//	@Router		/swagger.json [get]
func getSwagger(c *gin.Context) error {
	c.Data(http.StatusOK, "application/json", openapi.Swagger())
	return nil
}

// docAssets are the files of the Swagger UI page; every other path under
// /docs is 404 (gin-swagger would answer doc.json, which swag's registry
// does not hold here, with 500).
var docAssets = []string{"index.html", "index.css", "swagger-initializer.js", "favicon-16x16.png", "favicon-32x32.png",
	"oauth2-redirect.html", "swagger-ui.css", "swagger-ui.js", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js"}

// docsIndex is the Swagger UI page.
const docsIndex = "/docs/index.html"

// getDocs godoc
//
//	@ID			getSwaggerUi
//	@Summary	Swagger UI
//	@Description	/docs/index.html renders /swagger.json; /docs and /docs/ redirect there, and /docs/doc.json to /swagger.json. Any other path is 404 docs.not_found.
//	@Tags		meta
//	@Produce	html,text/css,application/javascript,png
//	@Param		any	path	string	true	"asset path, e.g. index.html"
//	@Success	200	{string}	string	"HTML or asset"
//	@Success	301	"redirect to the Swagger UI page"
//	@Failure	404	{object}	problem	"docs.not_found: no such asset"
//	@Router		/docs/{any} [get]
func getDocs() handlerFunc {
	ui := ginswagger.WrapHandler(swaggerfiles.Handler, ginswagger.URL("/swagger.json"))
	return func(c *gin.Context) error {
		name := strings.TrimPrefix(c.Param("any"), "/")
		switch {
		case name == "":
			c.Redirect(http.StatusMovedPermanently, docsIndex)
			return nil
		case name == "doc.json":
			c.Redirect(http.StatusMovedPermanently, "/swagger.json")
			return nil
		case !slices.Contains(docAssets, name):
			return apperr.NotFound("docs")
		}
		// gin-swagger matches the raw request URI and remembers the prefix
		// of the first request it serves: give it the bare asset path.
		c.Request.RequestURI = "/docs/" + name
		ui(c)
		return nil
	}
}
