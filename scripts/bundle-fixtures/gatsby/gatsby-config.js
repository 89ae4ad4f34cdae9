module.exports = {
  siteMetadata: { title: 'Bundle fixture' },
  plugins: ['gatsby-plugin-clerk']
};
